package org.linoconductor.lino;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linoconductor.shell.LineMatcher;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;

/**
 * {@code python manage.py run <restore script> --noinput} and the reading of its output, for the
 * upgrade's restore, the roll-back's and the preview's restore2preview.py.
 *
 * <p>The exit status is 0 even when objects were abandoned, and some versions end with "Done
 * manage.py run ..." after a failure: the output decides. Success is exactly "Loaded N objects"
 * without "Abandoning with N unsaved instances".
 */
public final class RestoreScript {

  /** The production snapshot's restore script, as the seed runs it. */
  public static final String SNAPSHOT_SCRIPT = "snapshot/restore.py";
  /** Variable set when the restore abandoned objects: how many. */
  public static final String UNSAVED_INSTANCES = "unsavedInstances";
  /** How many of the group lines that follow "Abandoning ..." the failure message shows. */
  public static final int GROUP_LINES_SHOWN = 5;

  private static final String ABANDONED = "abandoned";
  private static final String LOADED = "loaded";
  private static final Pattern ABANDONING = Pattern.compile("Abandoning with (\\d+) unsaved instances");
  private static final Pattern LOADED_OBJECTS = Pattern.compile("Loaded (\\d+) objects");

  private RestoreScript() {}

  /** Runs {@code script} (relative to the site directory) and reads its output. */
  public static StepOutcome run(StepContext context, String script) {
    ShellResult result = context.run(ManagePy.argv(context.site(), "run", script, "--noinput"),
        matchers().toArray(LineMatcher[]::new));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + script + " not run");
    }
    return read(result, script);
  }

  /** What a restore's output is read for: the abandoned objects and the count loaded. */
  public static List<LineMatcher> matchers() {
    return List.of(new LineMatcher(ABANDONED, ABANDONING, GROUP_LINES_SHOWN), new LineMatcher(LOADED, LOADED_OBJECTS, 0));
  }

  private static StepOutcome read(ShellResult result, String script) {
    if (result.timedOut()) {
      return StepOutcome.fromExit(result, script);
    }
    List<String> abandoned = result.fact(ABANDONED);
    Matcher abandoning = abandoned.isEmpty() ? null : ABANDONING.matcher(abandoned.get(0));
    if (abandoning != null && abandoning.find()) {
      int count = Integer.parseInt(abandoning.group(1));
      String groups = String.join("; ", abandoned.subList(1, abandoned.size()).stream()
          .map(String::strip).filter(l -> l.startsWith("- ")).toList());
      return StepOutcome.failed(script + " abandoned " + count + " unsaved instances (exit status "
              + result.exitStatus() + "): " + groups + ". The database lacks these objects: ask the application"
              + " developer for a migrator, or roll back. See the log " + result.logFile())
          .with(Map.of(UNSAVED_INSTANCES, count));
    }
    if (result.exitStatus() != 0) {
      return StepOutcome.failed(script + " ended with exit status " + result.exitStatus()
          + " (an uncaught error): the database may be half-restored. Read the traceback in the log "
          + result.logFile() + ", then retry or roll back.");
    }
    List<String> loaded = result.fact(LOADED);
    Matcher count = loaded.isEmpty() ? null : LOADED_OBJECTS.matcher(loaded.get(loaded.size() - 1));
    if (count == null || !count.find()) {
      return StepOutcome.failed(script + " ended without \"Loaded N objects\": the restore did not finish."
          + " See the log " + result.logFile());
    }
    return StepOutcome.succeeded("Loaded " + count.group(1) + " objects from " + script);
  }
}

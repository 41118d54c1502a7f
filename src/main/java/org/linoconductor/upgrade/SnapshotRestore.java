package org.linoconductor.upgrade;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linoconductor.shell.LineMatcher;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;

/**
 * {@code python manage.py run snapshot/restore.py --noinput} and the reading of its output, for
 * the upgrade's restore and the roll-back's.
 *
 * <p>The exit status is 0 even when objects were abandoned, and some versions end with "Done
 * manage.py run ..." after a failure: the output decides. Success is exactly "Loaded N objects"
 * without "Abandoning with N unsaved instances".
 */
final class SnapshotRestore {

  static final String SCRIPT = "snapshot/restore.py";
  /** How many of the group lines that follow "Abandoning ..." the failure message shows. */
  static final int GROUP_LINES_SHOWN = 5;

  private static final String ABANDONED = "abandoned";
  private static final String LOADED = "loaded";
  private static final Pattern ABANDONING = Pattern.compile("Abandoning with (\\d+) unsaved instances");
  private static final Pattern LOADED_OBJECTS = Pattern.compile("Loaded (\\d+) objects");

  private SnapshotRestore() {}

  static StepOutcome run(StepContext context) {
    ShellResult result = context.run(ManagePy.argv(context.site(), "run", SCRIPT, "--noinput"),
        new LineMatcher(ABANDONED, ABANDONING, GROUP_LINES_SHOWN),
        new LineMatcher(LOADED, LOADED_OBJECTS, 0));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + SCRIPT + " not run");
    }
    return read(result);
  }

  private static StepOutcome read(ShellResult result) {
    if (result.timedOut()) {
      return StepOutcome.fromExit(result, SCRIPT);
    }
    List<String> abandoned = result.fact(ABANDONED);
    Matcher abandoning = abandoned.isEmpty() ? null : ABANDONING.matcher(abandoned.get(0));
    if (abandoning != null && abandoning.find()) {
      int count = Integer.parseInt(abandoning.group(1));
      String groups = String.join("; ", abandoned.subList(1, abandoned.size()).stream()
          .map(String::strip).filter(l -> l.startsWith("- ")).toList());
      return StepOutcome.failed(SCRIPT + " abandoned " + count + " unsaved instances (exit status "
              + result.exitStatus() + "): " + groups + ". The database lacks these objects: ask the application"
              + " developer for a migrator, or roll back. See the log " + result.logFile())
          .with(Map.of(Variables.UNSAVED_INSTANCES, count));
    }
    if (result.exitStatus() != 0) {
      return StepOutcome.failed(SCRIPT + " ended with exit status " + result.exitStatus()
          + " (an uncaught error): the database may be half-restored. Read the traceback in the log "
          + result.logFile() + ", then retry or roll back.");
    }
    List<String> loaded = result.fact(LOADED);
    Matcher count = loaded.isEmpty() ? null : LOADED_OBJECTS.matcher(loaded.get(loaded.size() - 1));
    if (count == null || !count.find()) {
      return StepOutcome.failed(SCRIPT + " ended without \"Loaded N objects\": the restore did not finish."
          + " See the log " + result.logFile());
    }
    return StepOutcome.succeeded("Loaded " + count.group(1) + " objects from " + SCRIPT);
  }
}

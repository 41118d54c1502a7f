package org.linoconductor.upgrade;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.linoconductor.shell.LineMatcher;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.Site;
import org.linoconductor.step.StepContext;

/**
 * Reads a site's code state with the commands an operator would type: {@code git rev-parse HEAD} in
 * each repository of {@code env/repositories}, and {@code pip freeze} of the site's env. An upgrade
 * reads its own site before and after pull.sh; an upgrade attempt reads production and the preview.
 */
public final class CodeStateReader {

  /** What went wrong reading the code state, or the state itself. */
  public record Reading(CodeState state, String problem) {}

  private static final String REVISION = "revision";

  private CodeStateReader() {}

  static Path repositoriesDir(Site site) {
    return site.directory().resolve("env/repositories");
  }

  /** The repository directories (those holding {@code .git}), sorted by name. */
  static List<Path> repositories(Site site) {
    Path dir = repositoriesDir(site);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.exists(p.resolve(".git"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #read(StepContext, Site)} of the step's own site. */
  static Reading read(StepContext context) {
    return read(context, context.site());
  }

  /** In a dry run the commands are only rendered and the state is empty. */
  public static Reading read(StepContext context, Site site) {
    Map<String, String> revisions = new LinkedHashMap<>();
    for (Path repo : repositories(site)) {
      // The commit id is matched, not taken from the tail: git may warn on stderr, which the output merges.
      ShellResult result = context.runIn(site, List.of("git", "-C", repo.toString(), "rev-parse", "HEAD"),
          LineMatcher.of(REVISION, "^[0-9a-f]{40,64}$"));
      if (!result.succeeded() || (!context.dryRun() && result.fact(REVISION).isEmpty())) {
        return new Reading(null, "git rev-parse HEAD failed in " + repo + " (exit status " + result.exitStatus()
            + "). See the log " + result.logFile());
      }
      revisions.put(repo.getFileName().toString(), context.dryRun() ? "" : result.fact(REVISION).get(0));
    }
    ShellResult freeze = context.runIn(site, List.of(site.directory().resolve("env/bin/pip").toString(), "freeze"));
    if (!freeze.succeeded()) {
      return new Reading(null, "pip freeze failed (exit status " + freeze.exitStatus() + "). See the log "
          + freeze.logFile());
    }
    return new Reading(new CodeState(revisions, context.dryRun() ? List.of() : output(freeze)), null);
  }

  /**
   * Every output line of the command. The tail is bounded (a big site's freeze may not fit), so the
   * lines come from the log file, after the runner's header (ending with the {@code $ command} line)
   * and footer ({@code ### exit ...}).
   */
  private static List<String> output(ShellResult result) {
    try {
      List<String> lines = Files.readAllLines(result.logFile());
      int start = lines.size() - 1;  // the last "$ " line: a retried step appends to the same log file
      while (start >= 0 && !lines.get(start).startsWith("$ ")) {
        start--;
      }
      List<String> output = new ArrayList<>();
      for (String line : lines.subList(start + 1, lines.size())) {
        // pip's warnings (e.g. about its own version) go to stderr, which the log merges
        if (!line.startsWith("### ") && !line.startsWith("WARNING:") && !line.isBlank()) {
          output.add(line);
        }
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the output of pip freeze from " + result.logFile(), e);
    }
  }
}

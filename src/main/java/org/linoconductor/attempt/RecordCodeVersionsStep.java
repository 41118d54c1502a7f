package org.linoconductor.attempt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.shell.LineMatcher;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.Site;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * Which code is on trial: {@code git rev-parse HEAD} in each repository of {@code env/repositories},
 * in production ({@code codeBefore}) and in the preview ({@code codeOnTrial}), one line
 * "name revision" each. Read-only; a repository whose revision cannot be read is "unknown" there.
 */
@Component
class RecordCodeVersionsStep implements Step {

  private static final String REVISION = "revision";

  private final AttemptSites sites;

  RecordCodeVersionsStep(AttemptSites sites) {
    this.sites = sites;
  }

  @Override
  public String topic() {
    return Topics.RECORD_CODE_VERSIONS;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    String before = revisions(context, sites.production(context));
    String onTrial = revisions(context, context.site());
    return StepOutcome.succeeded("Code before: " + before.replace('\n', ',') + "; on trial: "
        + onTrial.replace('\n', ','), Map.of(Variables.CODE_BEFORE, before, Variables.CODE_ON_TRIAL, onTrial));
  }

  private static String revisions(StepContext context, Site site) {
    List<String> lines = new ArrayList<>();
    for (Path repo : repositories(site)) {
      ShellResult result = context.runIn(site, List.of("git", "-C", repo.toString(), "rev-parse", "HEAD"),
          LineMatcher.of(REVISION, "^[0-9a-f]{40,64}$"));
      List<String> revision = result.fact(REVISION);
      lines.add(repo.getFileName() + " " + (context.dryRun() ? "(dry run)"
          : result.succeeded() && !revision.isEmpty() ? revision.get(0) : "unknown"));
    }
    return lines.isEmpty() ? "(no repositories in env/repositories)" : String.join("\n", lines);
  }

  private static List<Path> repositories(Site site) {
    Path dir = site.directory().resolve("env/repositories");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.exists(p.resolve(".git"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.linoconductor.preview;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteNames;
import org.linoconductor.step.DiskUsage;
import org.linoconductor.step.ProgramCheck;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code df -h} before {@code cp -a}: refuses when the root's file system has less free
 * space than the production site takes plus a margin (the copy's env is replaced by a fresh one,
 * but cp copies it first). Also checks again that the new name is still free: the start checked
 * it, but a retry may come days later. Changes nothing.
 */
@Component
class CheckSpaceStep implements Step {

  private final PreviewProperties properties;
  private final SiteRegistry sites;

  CheckSpaceStep(PreviewProperties properties, SiteRegistry sites) {
    this.properties = properties;
    this.sites = sites;
  }

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.CHECK_SPACE;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    String newSite = NewSite.name(context);
    try {
      SiteNames.check(newSite);
    } catch (RuntimeException e) {
      return StepOutcome.failed(e.getMessage());
    }
    Path target = NewSite.dir(context);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !NewSite.isOurs(target, context.runId())) {
      return StepOutcome.failed(target + " exists already: choose another name for the new site.");
    }
    if (sites.find(newSite).isPresent() && !NewSite.isOurs(target, context.runId())) {
      return StepOutcome.failed("A site named " + newSite + " is registered already: choose another name.");
    }
    List<String> problems = programProblems(context);
    Path root = context.site().root();
    var df = context.run(DiskUsage.dfArgv(root));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: programs and free disk space not checked");
    }
    if (!problems.isEmpty()) {
      return StepOutcome.failed("The preview cannot be set up on this host; nothing was copied. "
          + String.join(" ", problems));
    }
    if (!df.succeeded()) {
      return StepOutcome.fromExit(df, "df -Pk " + root);
    }
    OptionalLong availableKib = DiskUsage.availableKib(df.tail());
    if (availableKib.isEmpty()) {
      return StepOutcome.failed("Cannot read the free space from the output of df -Pk " + root
          + ". See the log " + df.logFile());
    }
    long siteKib = DiskUsage.toKib(DiskUsage.sizeBytes(context.site().directory()));
    long marginKib = properties.freeSpaceMargin().toKilobytes();
    long neededKib = siteKib + marginKib;
    if (availableKib.getAsLong() < neededKib) {
      return StepOutcome.failed("Not enough free disk space to copy site " + context.site().name() + ": "
          + availableKib.getAsLong() + " KiB available on the file system of " + root + ", " + neededKib
          + " KiB needed (the site's " + siteKib + " KiB plus a margin of " + marginKib + " KiB,"
          + " conductor.preview.free-space-margin). Free some space, then retry.");
    }
    return StepOutcome.succeeded("cp, the env command and the first sync's programs can run; "
        + availableKib.getAsLong() + " KiB free, " + neededKib + " KiB needed (" + siteKib + " KiB for the copy of "
        + context.site().name() + ")");
  }

  /** What setup and its first sync will run: cp, the env command, the database, rsync (LINO.md: 127 in the sync). */
  private List<String> programProblems(StepContext context) {
    List<String> problems = new ArrayList<>();
    ProgramCheck.found(context, "cp", "Install coreutils.").ifPresent(problems::add);
    String makeEnv = properties.makeEnvCommand().get(0).replace("{root}", context.site().root().toString());
    ProgramCheck.found(context, makeEnv, "Install it, or set conductor.preview.make-env-command.")
        .ifPresent(problems::add);
    CreateDatabaseStep.missingAdmin(context.site(), properties).ifPresent(problems::add);
    problems.addAll(SyncPrograms.check(context, context.site(), null));
    return problems;
  }
}

package org.linoconductor.cli;

import org.linoconductor.preview.PreviewSetupProcess;
import org.linoconductor.preview.PreviewSyncProcess;
import org.linoconductor.step.StepVariables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "preview", description = "Sets up or syncs a preview site.",
    subcommands = {PreviewCommand.Setup.class, PreviewCommand.Sync.class})
final class PreviewCommand {

  @Command(name = "setup", description = "Copies a production site to a new preview site (process preview-setup).")
  static final class Setup extends ClientCommand {

    @Parameters(index = "0", paramLabel = "SITE", description = "the production site")
    String site;

    @Parameters(index = "1", paramLabel = "NEWSITE", description = "the preview's neutral name, e.g. berta")
    String newSite;

    @Option(names = "--release-notes", paramLabel = "URL", description = "where the new version's release notes are")
    String releaseNotes;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    FollowOption follow;

    @Override
    public Integer call() throws InterruptedException {
      return new RunStart(PreviewSetupProcess.KEY).text(StepVariables.SITE, site)
          .text(PreviewSetupProcess.Variables.NEW_SITE, newSite)
          .text(PreviewSetupProcess.Variables.RELEASE_NOTES_URL, releaseNotes)
          .flag(StepVariables.DRY_RUN, dryRun.dryRun).start(this, follow.follow);
    }
  }

  @Command(name = "sync", description = "Brings production's data to its preview site (process preview-sync).")
  static final class Sync extends ClientCommand {

    @Parameters(paramLabel = "SITE", description = "the preview site")
    String site;

    @Mixin
    FollowOption follow;

    @Override
    public Integer call() throws InterruptedException {
      return new RunStart(PreviewSyncProcess.KEY).text(StepVariables.SITE, site).start(this, follow.follow);
    }
  }
}

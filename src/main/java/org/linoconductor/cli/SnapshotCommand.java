package org.linoconductor.cli;

import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepVariables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "snapshot",
    description = "Takes a snapshot of a site with its make_snapshot.sh (process site-snapshot).")
final class SnapshotCommand extends ClientCommand {

  @Parameters(paramLabel = "SITE")
  String site;

  @Option(names = "--accept-smaller", description = "accept a snapshot under half the size of the last good one")
  boolean acceptSmaller;

  @Mixin
  DryRunOption dryRun;

  @Mixin
  FollowOption follow;

  @Override
  public Integer call() throws InterruptedException {
    return new RunStart(SiteSnapshotProcess.KEY).text(StepVariables.SITE, site)
        .flag(SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT, acceptSmaller)
        .flag(StepVariables.DRY_RUN, dryRun.dryRun).start(this, follow.follow);
  }
}

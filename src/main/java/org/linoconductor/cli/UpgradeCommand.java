package org.linoconductor.cli;

import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", description = "Upgrades a production site (process production-upgrade).")
final class UpgradeCommand extends ClientCommand {

  @Parameters(paramLabel = "SITE", description = "a site in state PRODUCTION")
  String site;

  @Mixin
  DryRunOption dryRun;

  @Mixin
  FollowOption follow;

  @Override
  public Integer call() throws InterruptedException {
    return new RunStart(ProductionUpgradeProcess.KEY).text(StepVariables.SITE, site)
        .flag(StepVariables.DRY_RUN, dryRun.dryRun).start(this, follow.follow);
  }
}

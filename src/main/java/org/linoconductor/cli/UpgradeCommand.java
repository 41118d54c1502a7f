package org.linoconductor.cli;

import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "upgrade", description = "Upgrades a production site (process production-upgrade).")
final class UpgradeCommand extends ClientCommand {

  @Parameters(paramLabel = "SITE", description = "a site in state PRODUCTION")
  String site;

  @Option(names = "--dry-run", description = "render every command, execute none")
  boolean dryRun;

  @Option(names = "--follow", description = "print each step as it runs, until the run ends or waits for a decision")
  boolean follow;

  @Override
  public Integer call() throws InterruptedException {
    return new RunStart(ProductionUpgradeProcess.KEY).text(StepVariables.SITE, site)
        .flag(StepVariables.DRY_RUN, dryRun).start(this, follow);
  }
}

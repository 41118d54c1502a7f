package org.linoconductor.demo;

import org.linoconductor.audit.RunEnded;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The demo's upstream keeps one release ahead of {@code anna}: when an upgrade has brought anna
 * up to date, a next release (with a schema change) is published, so the next upgrade again has
 * every step to do, and a restore to abandon when the scenario says so.
 */
@Component
@Profile("demo")
class DemoReleases {

  private static final Logger log = LoggerFactory.getLogger(DemoReleases.class);

  private final DemoProperties properties;

  DemoReleases(DemoProperties properties) {
    this.properties = properties;
  }

  @TransactionalEventListener(fallbackExecution = true)
  void releaseWhenCaughtUp(RunEnded run) {
    if (!ProductionUpgradeProcess.KEY.equals(run.processKey()) || run.outcome() != RunOutcome.SUCCEEDED
        || !DemoInstallation.SITE.equals(run.site())) {
      return;
    }
    SimulatedLino lino = SimulatedLino.open(properties.base());
    SimulatedSite anna = lino.site(DemoInstallation.SITE);
    if (anna.version().equals(lino.upstreamVersion())) {
      String next = nextVersion(lino.upstreamVersion());
      lino.publishRelease(next, true);
      log.info("DEMO-002 Release {} published upstream: the next upgrade of {} has new code to pull", next,
          DemoInstallation.SITE);
    }
  }

  /** 21.3.0 → 21.3.1: the last number counts up. */
  static String nextVersion(String version) {
    int dot = version.lastIndexOf('.');
    return version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1);
  }
}

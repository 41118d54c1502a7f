package org.linoconductor.attempt;

import org.linoconductor.attempt.AttemptSites.Action;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The old production's start and restart-web commands, after {@code prod} points to it again. */
@Component
class StartProductionServicesStep implements Step {

  private final AttemptSites sites;

  StartProductionServicesStep(AttemptSites sites) {
    this.sites = sites;
  }

  @Override
  public String topic() {
    return Topics.START_PRODUCTION_SERVICES;
  }

  /** It changes what users see or reach: a person decides on retries. */
  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return AttemptSites.runServices(context, sites.production(context), Action.START_AND_RESTART_WEB);
  }
}

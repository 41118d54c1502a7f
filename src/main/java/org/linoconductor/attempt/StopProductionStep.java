package org.linoconductor.attempt;

import org.linoconductor.attempt.AttemptSites.Action;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** Production's stop commands, run in the production site: nothing writes to its database during the final sync and the attempt. */
@Component
class StopProductionStep implements Step {

  private final AttemptSites sites;

  StopProductionStep(AttemptSites sites) {
    this.sites = sites;
  }

  @Override
  public String topic() {
    return Topics.STOP_PRODUCTION;
  }

  /** It changes what users see or reach: a person decides on retries. */
  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return AttemptSites.runServices(context, sites.production(context), Action.STOP);
  }
}

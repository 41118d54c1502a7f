package org.linoconductor.attempt;

import org.linoconductor.attempt.AttemptSites.Action;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** Production's restart-web commands: the web server follows the switched {@code prod} link. */
@Component
class ReloadWebServerStep implements Step {

  private final AttemptSites sites;

  ReloadWebServerStep(AttemptSites sites) {
    this.sites = sites;
  }

  @Override
  public String topic() {
    return Topics.RELOAD_WEB_SERVER;
  }

  /** It changes what users see or reach: a person decides on retries. */
  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return AttemptSites.runServices(context, sites.production(context), Action.RESTART_WEB);
  }
}

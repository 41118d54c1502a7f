package org.linoconductor.attempt;

import org.linoconductor.attempt.AttemptSites.Action;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The preview's start commands: it now serves as production. */
@Component
class StartPreviewServicesStep implements Step {

  @Override
  public String topic() {
    return Topics.START_PREVIEW_SERVICES;
  }

  /** It changes what users see or reach: a person decides on retries. */
  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return AttemptSites.runServices(context, context.site(), Action.START);
  }
}

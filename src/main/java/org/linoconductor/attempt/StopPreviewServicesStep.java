package org.linoconductor.attempt;

import org.linoconductor.attempt.AttemptSites.Action;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** Cancel: the preview's stop commands, so that nothing writes to its data while it is kept. */
@Component
class StopPreviewServicesStep implements Step {

  @Override
  public String topic() {
    return Topics.STOP_PREVIEW_SERVICES;
  }

  /** It changes what users see or reach: a person decides on retries. */
  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return AttemptSites.runServices(context, context.site(), Action.STOP);
  }
}

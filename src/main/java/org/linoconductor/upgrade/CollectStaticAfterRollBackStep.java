package org.linoconductor.upgrade;

import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The roll-back's {@code collectstatic --noinput --clear}. Without --clear Django compares
 * modification times: the older release's files, put back with their old times, count as
 * "unmodified" and the newer release's copies stay (LINO.md: "0 static files copied, 3390
 * unmodified"). Clearing first makes the static files those of the code that is back.
 */
@Component
class CollectStaticAfterRollBackStep implements Step {

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.RECOLLECT_STATIC;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return CollectStaticStep.collect(context, "--noinput", "--clear");
  }
}

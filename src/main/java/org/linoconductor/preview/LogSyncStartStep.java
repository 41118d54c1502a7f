package org.linoconductor.preview;

import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The seed's first line, {@code echo initdb_from_prod.sh was started `date` >> $LOGFILE}. */
@Component
class LogSyncStartStep implements Step {

  private final UpgradesLog log;
  private final ProductionSite production;

  LogSyncStartStep(UpgradesLog log, ProductionSite production) {
    this.log = log;
    this.production = production;
  }

  @Override
  public String topic() {
    return PreviewSyncProcess.Topics.LOG_SYNC_START;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return StepOutcome.succeeded(log.noteSync(context, production.of(context).name(), "was started"));
  }
}

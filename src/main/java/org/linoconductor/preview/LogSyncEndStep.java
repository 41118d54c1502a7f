package org.linoconductor.preview;

import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The seed's last line, {@code echo initdb_from_prod.sh finished `date` >> $LOGFILE}: only a complete sync writes it. */
@Component
class LogSyncEndStep implements Step {

  private final UpgradesLog log;
  private final ProductionSite production;

  LogSyncEndStep(UpgradesLog log, ProductionSite production) {
    this.log = log;
    this.production = production;
  }

  @Override
  public String topic() {
    return PreviewSyncProcess.Topics.LOG_SYNC_END;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return StepOutcome.succeeded(log.noteSync(context, production.of(context).name(), "finished"));
  }
}

package org.linoconductor.upgrade;

import org.linoconductor.lino.RestoreScript;

import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The roll-back of the data: the snapshot taken at the start of the run, restored after the code
 * went back. Never skipped: whatever the upgrade did to the database, this returns to the start.
 */
@Component
class RestoreStartSnapshotStep implements Step {

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.RESTORE_START_SNAPSHOT;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return RestoreScript.run(context, RestoreScript.SNAPSHOT_SCRIPT);
  }
}

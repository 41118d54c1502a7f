package org.linoconductor.upgrade;

import org.linoconductor.lino.RestoreScript;

import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.stereotype.Component;

/** The seed's {@code pm run snapshot/restore.py}: the data of the snapshot, loaded under the new code. */
@Component
class RestoreSnapshotStep implements Step {

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.RESTORE_SNAPSHOT;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    if (!Changes.mayHaveChanged(context, Variables.SCHEMA_CHANGED)) {
      return StepOutcome.skipped("Restore skipped: "
          + context.variable(Variables.SCHEMA_COMPARISON, String.class).orElse("the schema did not change"));
    }
    return RestoreScript.run(context, RestoreScript.SNAPSHOT_SCRIPT);
  }
}

package org.linoconductor.upgrade;

import org.linoconductor.lino.ManagePy;

import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.stereotype.Component;

/** The seed's {@code pm buildindexes}, for sites with {@code lino.modlib.elastic} after a schema change. */
@Component
class BuildIndexesStep implements Step {

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.BUILD_INDEXES;
  }

  @Override
  public boolean changesSite() {
    return true; // rewrites the search indexes
  }

  @Override
  public StepOutcome execute(StepContext context) {
    if (!context.site().usesElastic()) {
      return StepOutcome.skipped("buildindexes skipped: the site does not use lino.modlib.elastic");
    }
    if (!Changes.mayHaveChanged(context, Variables.SCHEMA_CHANGED)) {
      return StepOutcome.skipped("buildindexes skipped: the database schema did not change");
    }
    var result = context.run(ManagePy.argv(context.site(), "buildindexes"));
    return StepOutcome.fromExit(result, "manage.py buildindexes");
  }
}

package org.linoconductor.preview;

import java.util.List;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The sync's first step: its programs can run, before anything is dumped or copied. Changes nothing. */
@Component
class SyncCheckProgramsStep implements Step {

  private final ProductionSite production;

  SyncCheckProgramsStep(ProductionSite production) {
    this.production = production;
  }

  @Override
  public String topic() {
    return PreviewSyncProcess.Topics.CHECK_PROGRAMS;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    List<String> problems = SyncPrograms.check(context, production.of(context), context.site());
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: programs not checked");
    }
    if (!problems.isEmpty()) {
      return StepOutcome.failed("The sync cannot run on this host; nothing was dumped or copied. "
          + String.join(" ", problems));
    }
    return StepOutcome.succeeded("rsync and the sites' Pythons can run");
  }
}

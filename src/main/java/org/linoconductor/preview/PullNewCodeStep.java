package org.linoconductor.preview;

import java.util.List;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The seed's "Run pull.sh" in the new site, with its fresh env active: the newest code. */
@Component
class PullNewCodeStep implements Step {

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.PULL_CODE;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    var pull = context.runIn(NewSite.asSite(context), List.of(NewSite.dir(context).resolve("pull.sh").toString()));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: pull.sh of the new site not run");
    }
    return StepOutcome.fromExit(pull, "pull.sh of " + NewSite.name(context));
  }
}

package org.linoconductor.preview;

import org.linoconductor.lino.ManagePy;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The seed's "Run collectstatic", in the new site with its own env and code. */
@Component("previewCollectStaticStep")
class CollectStaticStep implements Step {

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.COLLECT_STATIC;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    var site = NewSite.asSite(context);
    var result = context.runIn(site, ManagePy.argv(site, "collectstatic", "--noinput"));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: collectstatic of the new site not run");
    }
    return StepOutcome.fromExit(result, "manage.py collectstatic --noinput in " + site.name());
  }
}

package org.linoconductor.attempt;

import java.nio.file.Files;
import java.nio.file.Path;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** Cancel or abort: {@code prod} back to where it pointed before the attempt (nothing to do when it still does). */
@Component
class PutProdBackStep implements Step {

  private final AttemptSites sites;

  PutProdBackStep(AttemptSites sites) {
    this.sites = sites;
  }

  @Override
  public String topic() {
    return Topics.PUT_PROD_BACK;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site production = sites.production(context);
    Path root = production.root();
    String target = context.variable(Variables.PREVIOUS_PROD, String.class).orElse(production.name());
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: prod would point to " + target);
    }
    if (!Files.isDirectory(root.resolve(target))) {
      return StepOutcome.failed(root.resolve(target) + " does not exist: prod was not changed.");
    }
    String now = SiteLinks.target(root, SiteLinks.PROD).orElse("");
    if (now.equals(target)) {
      return StepOutcome.succeeded("prod -> " + target + " already");
    }
    SiteLinks.point(root, SiteLinks.PROD, target);
    return StepOutcome.succeeded("prod -> " + target + " again (was " + (now.isEmpty() ? "no link" : now) + ")");
  }
}

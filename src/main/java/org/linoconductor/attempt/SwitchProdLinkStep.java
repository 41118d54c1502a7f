package org.linoconductor.attempt;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * {@code prod -> <preview>} in the root, switched atomically ({@link SiteLinks#point}), remembering
 * where it pointed before ({@code previousProd}) so that a cancel or an abort can put it back.
 */
@Component
class SwitchProdLinkStep implements Step {

  private final AttemptSites sites;

  SwitchProdLinkStep(AttemptSites sites) {
    this.sites = sites;
  }

  @Override
  public String topic() {
    return Topics.SWITCH_PROD_LINK;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site preview = context.site();
    Site production = sites.production(context);
    Path root = preview.root();
    Path link = root.resolve(SiteLinks.PROD);
    if (Files.exists(link, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
      return StepOutcome.failed(link + " is not a symbolic link: move it away, then retry.");
    }
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + link + " would point to " + preview.name());
    }
    // A retry keeps the target from before the run, not the one this run set.
    String previous = context.variable(Variables.PREVIOUS_PROD, String.class)
        .orElseGet(() -> SiteLinks.target(root, SiteLinks.PROD).orElse(production.name()));
    SiteLinks.point(root, SiteLinks.PROD, preview.name());
    return StepOutcome.succeeded("prod -> " + preview.name() + " (was " + previous + ")",
        Map.of(Variables.PREVIOUS_PROD, previous));
  }
}

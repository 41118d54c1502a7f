package org.linoconductor.attempt;

import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteConflictException;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accept: the old production becomes OLD first, then the preview PRODUCTION, because the registry
 * refuses a second PRODUCTION site in a root at every change; both in one transaction and recorded
 * with the user who decided and the run; then the {@code preview} link goes. The old production is
 * kept with its services stopped.
 */
@Component
class AcceptAttemptStep implements Step {

  private final AttemptSites sites;
  private final SiteRegistry registry;
  private final TransactionTemplate transactions;

  AcceptAttemptStep(AttemptSites sites, SiteRegistry registry, TransactionTemplate transactions) {
    this.sites = sites;
    this.registry = registry;
    this.transactions = transactions;
  }

  @Override
  public String topic() {
    return Topics.ACCEPT;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site preview = context.site();
    Site production = sites.production(context);
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + production.name() + " would become OLD, " + preview.name()
          + " PRODUCTION");
    }
    String decidedBy = context.variable(Variables.DECIDED_BY, String.class).orElse(null);
    try {
      transactions.executeWithoutResult(status -> {
        registry.changeState(production.name(), SiteState.OLD, decidedBy, context.runId());
        registry.changeState(preview.name(), SiteState.PRODUCTION, decidedBy, context.runId());
      });
    } catch (SiteConflictException e) {
      return StepOutcome.failed(e.getMessage() + " Neither state was changed.");
    }
    boolean removed = preview.name().equals(SiteLinks.target(preview.root(), SiteLinks.PREVIEW).orElse(null));
    if (removed) {
      SiteLinks.remove(preview.root(), SiteLinks.PREVIEW);
    }
    return StepOutcome.succeeded(preview.name() + " is PRODUCTION, " + production.name() + " OLD (kept, services"
        + " stopped)" + (removed ? "; the preview link is removed" : "; no preview link pointed to " + preview.name()));
  }
}

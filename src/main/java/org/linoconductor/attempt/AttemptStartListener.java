package org.linoconductor.attempt;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteAddress;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.springframework.stereotype.Component;

/**
 * Start listener of upgrade-attempt ({@code ${attemptStartListener}}, after the site and production
 * listeners, which checked the start ({@link UpgradeAttemptInputs}), recorded it and locked both
 * sites): shows what the attempt was started with in its variables, for the form and Cockpit: the
 * duration and time-out decision as they apply, the start as a date, and {@code siteUrl}. Nothing
 * reads them back: timers, delegates and steps read the run's record ({@link AttemptSchedule}).
 */
@Component("attemptStartListener")
class AttemptStartListener implements ExecutionListener {

  private final RunIdentities runs;
  private final SiteRegistry sites;

  AttemptStartListener(RunIdentities runs, SiteRegistry sites) {
    this.runs = runs;
    this.sites = sites;
  }

  @Override
  public void notify(DelegateExecution execution) {
    RunIdentity run = runs.of(execution);
    execution.setVariable(Variables.DURATION, AttemptSchedule.duration(run).toString());
    execution.setVariable(Variables.TIMEOUT_DECISION, AttemptSchedule.timeoutDecision(run).value());
    execution.setVariable(Variables.START_AT_DATE, Date.from(AttemptSchedule.startAt(run)));
    String url = siteUrl(sites.require(run.requireProductionSite()), sites.require(run.site()));
    execution.setVariable(Variables.SITE_URL, url);
    execution.setVariable(SiteAddress.VARIABLE, SiteAddress.markdown(url));
  }

  /** The public address during the attempt: production's, else the preview's; may be empty. */
  static String siteUrl(Site production, Site preview) {
    return production.url() != null ? production.url() : preview.url() != null ? preview.url() : "";
  }
}

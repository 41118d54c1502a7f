package org.linoconductor.preview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.preview.PreviewSyncProcess.Variables;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.linoconductor.step.SiteLock;
import org.springframework.stereotype.Component;

/**
 * Start and end listener of preview-sync and upgrade-attempt ({@code ${productionSiteListener}}, after
 * {@code ${siteRunListener}}, which recorded the production site the preview mirrors from table
 * preview_site, or refused a preview without that row): locks that site too for the run, so that no
 * other run (an upgrade, a snapshot) works on it while a sync dumps it or an attempt stands in for it,
 * and two previews of one production never dump into its snapshot2preview at once (a sync called by
 * preview-setup or upgrade-attempt works under their lock). At the end it frees it. The production
 * site is always the run's record's, never a variable.
 */
@Component("productionSiteListener")
class ProductionSiteListener implements ExecutionListener {

  private final RunIdentities runs;
  private final SiteRegistry sites;
  private final SiteLock lock;

  ProductionSiteListener(RunIdentities runs, SiteRegistry sites, SiteLock lock) {
    this.runs = runs;
    this.sites = sites;
    this.lock = lock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!EVENTNAME_START.equals(execution.getEventName())) {
      runs.find(execution.getProcessInstanceId()).map(RunIdentity::productionSite)
          .ifPresent(production -> lock.release(production, execution.getProcessInstanceId()));
      return;
    }
    String production = runs.of(execution).requireProductionSite();
    lock.acquire(production, execution);
    // For the forms and Cockpit; the steps read the run's record.
    execution.setVariable(Variables.PRODUCTION_SITE, production);
    execution.setVariable(Variables.RESTORE_SCRIPT,
        sites.require(production).directory().resolve(PreviewSyncProcess.RESTORE_SCRIPT_FILE).toString());
  }
}

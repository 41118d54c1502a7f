package org.linoconductor.preview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.preview.PreviewSyncProcess.Variables;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunRefusedException;
import org.linoconductor.step.SiteLock;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Start and end listener of preview-sync and upgrade-attempt ({@code ${productionSiteListener}}, after
 * {@code ${siteRunListener}}):
 * finds in table preview_site which production the preview mirrors and locks that site too for the
 * run: no other run (an upgrade, a snapshot) works on it while a sync dumps it or an attempt stands in
 * for it, and two previews of one production never dump into its snapshot2preview at once (a sync
 * called by preview-setup or upgrade-attempt works under their lock). At the end it frees it. A preview without that row is refused at the start, so no step ever
 * guesses where to dump from.
 */
@Component("productionSiteListener")
class ProductionSiteListener implements ExecutionListener {

  private final PreviewSites previews;
  private final SiteRegistry sites;
  private final SiteLock lock;

  ProductionSiteListener(PreviewSites previews, SiteRegistry sites, SiteLock lock) {
    this.previews = previews;
    this.sites = sites;
    this.lock = lock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!EVENTNAME_START.equals(execution.getEventName())) {
      if (execution.getVariable(Variables.PRODUCTION_SITE) instanceof String production) {
        lock.release(production, execution.getProcessInstanceId());
      }
      return;
    }
    String site = (String) execution.getVariable(StepVariables.SITE);
    PreviewSite preview = previews.find(site).orElseThrow(() -> new RunRefusedException("Site " + site
        + " mirrors no production site: it has no row in table preview_site. A preview-setup run registers"
        + " one; a preview made by hand needs PreviewSites.register before it can be synced."));
    String production = preview.productionSite();
    lock.acquire(production, execution);
    execution.setVariable(Variables.PRODUCTION_SITE, production);
    execution.setVariable(Variables.RESTORE_SCRIPT,
        sites.require(production).directory().resolve(PreviewSyncProcess.RESTORE_SCRIPT_FILE).toString());
  }
}

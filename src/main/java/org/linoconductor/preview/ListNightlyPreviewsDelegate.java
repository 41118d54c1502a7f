package org.linoconductor.preview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Notes, as PENDING, every preview the nightly run is to sync ({@code preview_site.nightly_sync}), with
 * how long its last successful sync took: the night's order comes from that ({@link SyncOrder}).
 */
@Component("listNightlyPreviews")
class ListNightlyPreviewsDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ListNightlyPreviewsDelegate.class);

  private final PreviewSites previews;
  private final NightlySyncResults results;
  private final AuditTrail audit;

  ListNightlyPreviewsDelegate(PreviewSites previews, NightlySyncResults results, AuditTrail audit) {
    this.previews = previews;
    this.results = results;
    this.audit = audit;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var nightly = previews.nightly();
    nightly.forEach(preview -> results.pending(execution.getProcessInstanceId(), preview.site(),
        audit.lastDuration(PreviewSyncProcess.KEY, preview.site(), RunOutcome.SUCCEEDED).orElse(null)));
    log.info("PREVIEW-001 Nightly sync {}: {} preview site(s) to sync: {}", execution.getProcessInstanceId(),
        nightly.size(), nightly.stream().map(PreviewSite::site).toList());
  }
}

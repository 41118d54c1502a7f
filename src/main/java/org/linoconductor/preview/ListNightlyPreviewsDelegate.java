package org.linoconductor.preview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Notes, as PENDING, every preview the nightly run is to sync ({@code preview_site.nightly_sync}). */
@Component("listNightlyPreviews")
class ListNightlyPreviewsDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ListNightlyPreviewsDelegate.class);

  private final PreviewSites previews;
  private final NightlySyncResults results;

  ListNightlyPreviewsDelegate(PreviewSites previews, NightlySyncResults results) {
    this.previews = previews;
    this.results = results;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var nightly = previews.nightly();
    nightly.forEach(preview -> results.pending(execution.getProcessInstanceId(), preview.site()));
    log.info("PREVIEW-001 Nightly sync {}: {} preview site(s) to sync: {}", execution.getProcessInstanceId(),
        nightly.size(), nightly.stream().map(PreviewSite::site).toList());
  }
}

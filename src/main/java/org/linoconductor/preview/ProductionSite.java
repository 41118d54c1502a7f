package org.linoconductor.preview;

import org.linoconductor.preview.PreviewSyncProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepContext;
import org.springframework.stereotype.Component;

/** The production site a sync step works with, named by the run's variable {@code productionSite}. */
@Component
class ProductionSite {

  private final SiteRegistry sites;

  ProductionSite(SiteRegistry sites) {
    this.sites = sites;
  }

  Site of(StepContext context) {
    String name = context.variable(Variables.PRODUCTION_SITE, String.class).orElseThrow(() ->
        new IllegalStateException("Variable " + Variables.PRODUCTION_SITE + " is missing: preview-sync sets it"
            + " at its start from table preview_site"));
    return sites.require(name);
  }
}

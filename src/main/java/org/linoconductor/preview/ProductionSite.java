package org.linoconductor.preview;

import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepContext;
import org.springframework.stereotype.Component;

/** The production site a sync step works with, as the run's record names it (from table preview_site at its start). */
@Component
class ProductionSite {

  private final SiteRegistry sites;

  ProductionSite(SiteRegistry sites) {
    this.sites = sites;
  }

  Site of(StepContext context) {
    return sites.require(context.run().requireProductionSite());
  }
}

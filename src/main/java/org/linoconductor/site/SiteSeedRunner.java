package org.linoconductor.site;

import org.linoconductor.api.BeforeServing;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Seeds from {@code conductor.sites.seed-file} before the web server answers, after the other
 * start-up work ({@link #ORDER}), so that work preparing the site directories can come first.
 */
@Component
@ConditionalOnProperty(prefix = "conductor.sites", name = "seed-file")
class SiteSeedRunner extends BeforeServing {

  static final int ORDER = 100;

  private final SiteSeeder seeder;
  private final SitesProperties properties;

  SiteSeedRunner(SiteSeeder seeder, SitesProperties properties) {
    super(ORDER);
    this.seeder = seeder;
    this.properties = properties;
  }

  @Override
  protected void prepare() {
    seeder.seedFrom(properties.seedFile());
  }
}

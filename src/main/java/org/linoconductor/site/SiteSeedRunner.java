package org.linoconductor.site;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds from {@code conductor.sites.seed-file} once the application has started. Runs late
 * ({@link #ORDER}), so that a runner that prepares the site directories can run before it.
 */
@Component
@Order(SiteSeedRunner.ORDER)
@ConditionalOnProperty(prefix = "conductor.sites", name = "seed-file")
class SiteSeedRunner implements ApplicationRunner {

  static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

  private final SiteSeeder seeder;
  private final SitesProperties properties;

  SiteSeedRunner(SiteSeeder seeder, SitesProperties properties) {
    this.seeder = seeder;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    seeder.seedFrom(properties.seedFile());
  }
}

package org.linoconductor.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.site.SiteSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo's Lino installation: a simulated root with the production site {@code anna} and the
 * link {@code prod -> anna}, registered through a sites YAML as a real installation would be. A
 * second start finds everything in place and changes nothing.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 200)
class DemoInstallation implements ApplicationRunner {

  static final String SITE = "anna";
  static final String PENDING_RELEASE = "21.3.0";
  private static final Logger log = LoggerFactory.getLogger(DemoInstallation.class);

  private final DemoProperties properties;
  private final SiteSeeder seeder;

  DemoInstallation(DemoProperties properties, SiteSeeder seeder) {
    this.properties = properties;
    this.seeder = seeder;
  }

  @Override
  public void run(ApplicationArguments args) {
    SimulatedLino lino = SimulatedLino.openOrCreate(properties.base());
    if (!Files.isDirectory(lino.root().resolve(SITE))) {
      lino.createSite(SITE);
      lino.linkProd(SITE);
      // A new Lino release waits upstream, with a schema change: the first production upgrade
      // of anna pulls new code, restores its data and so has every step to do.
      lino.publishRelease(PENDING_RELEASE, true);
      log.info("DEMO-001 Simulated Lino site {} created in {}; release {} waits upstream", SITE, lino.root(),
          PENDING_RELEASE);
    }
    Path yaml = lino.base().resolve("sites.yaml");
    if (!Files.exists(yaml)) {
      write(yaml, sitesYaml(lino, lino.site(SITE)));
    }
    seeder.seedFrom(yaml);
  }

  private static Map<String, Object> sitesYaml(SimulatedLino lino, SimulatedSite site) {
    ServiceCommands services = site.registeredServiceCommands();
    Map<String, Object> anna = Map.of(
        "name", site.name(),
        "directory", site.name(),
        "state", "production",
        "database-kind", "sqlite",
        "contact", "tester",
        "testers", List.of("tester"),
        "service-commands", Map.of(
            "stop", services.stop(), "start", services.start(), "restart-web", services.restartWeb()));
    return Map.of("root", lino.root().toString(), "sites", List.of(anna));
  }

  private static void write(Path yaml, Map<String, Object> content) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    try {
      Files.writeString(yaml, "# Written by the demo at its first start; edit it to try other settings.\n"
          + new Yaml(options).dump(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

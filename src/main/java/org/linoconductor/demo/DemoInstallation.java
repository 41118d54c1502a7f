package org.linoconductor.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linoconductor.api.BeforeServing;
import org.linoconductor.sim.Layout;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The demo's Lino installation: a simulated root with the production site {@code anna} and the link
 * {@code prod -> anna} (Lino from git checkouts), and a second root {@code lino2} with the
 * production site {@code carla} (Lino pip-installed from the index), which the demo's tester does
 * not test (so /runs shows that a tester sees only their own sites' runs); registered through a
 * sites YAML as a real installation would be. A third root {@code lino3} holds {@code dora},
 * registered on host {@code h1}: its steps wait for the step agent of h1 (README, "In production").
 * Done before the web server answers, so that no request finds the demo half made.
 *
 * <p>The demo makes each site once and remembers it ({@value #MADE}): a later start changes
 * nothing, even when the processes have moved the site on (anna archived after an accepted attempt
 * must not come back, with prod pointing at it again while the registry says berta is PRODUCTION).
 */
@Component
@Profile("demo")
class DemoInstallation extends BeforeServing {

  static final String SITE = "anna";
  /** Production site of another root, with no tester: only operators see its runs. */
  static final String OTHER_SITE = "carla";
  private static final String OTHER_ROOT = "lino2";
  /** Production site of a third root, on host h1: the demo's step agent runs its steps (README, "In production"). */
  static final String AGENT_SITE = "dora";
  private static final String AGENT_ROOT = "lino3";
  private static final String AGENT_HOST = "h1";
  static final String PENDING_RELEASE = "21.3.0";
  /** The file in the demo's base that lists the sites the demo made, one name a line. */
  static final String MADE = "made-sites";
  private static final Logger log = LoggerFactory.getLogger(DemoInstallation.class);

  private final DemoProperties properties;
  private final SiteSeeder seeder;
  private final SiteRegistry registry;

  DemoInstallation(DemoProperties properties, SiteSeeder seeder, SiteRegistry registry) {
    super(0);
    this.properties = properties;
    this.seeder = seeder;
    this.registry = registry;
  }

  @Override
  protected void prepare() {
    SimulatedLino lino = SimulatedLino.openOrCreate(properties.base());
    // carla first: the release published below then waits for both sites
    SimulatedLino other = lino.withRoot(OTHER_ROOT);
    makeOnce(other, OTHER_SITE, () -> {
      other.createSite(OTHER_SITE, Layout.PIP); // getlino's usual production layout: no env/repositories
      other.linkProd(OTHER_SITE);
      log.info("DEMO-001 Simulated Lino site {} created in {}", OTHER_SITE, other.root());
    });
    makeOnce(lino, SITE, () -> {
      lino.createSite(SITE);
      lino.linkProd(SITE);
      // A new Lino release waits upstream, with a schema change: the first production upgrade
      // of anna (and of carla) pulls new code, restores its data and so has every step to do.
      lino.publishRelease(PENDING_RELEASE, true);
      log.info("DEMO-001 Simulated Lino site {} created in {}; release {} waits upstream", SITE, lino.root(),
          PENDING_RELEASE);
    });
    SimulatedLino third = lino.withRoot(AGENT_ROOT);
    makeOnce(third, AGENT_SITE, () -> {
      third.createSite(AGENT_SITE);
      third.linkProd(AGENT_SITE);
      log.info("DEMO-001 Simulated Lino site {} created in {} (host {})", AGENT_SITE, third.root(), AGENT_HOST);
    });
    Path yaml = lino.base().resolve("sites.yaml");
    if (!Files.exists(yaml)) {
      write(yaml, Map.of("sites", List.of(
          siteYaml(lino, lino.site(SITE), "tester", List.of("tester"), null),
          siteYaml(other, other.site(OTHER_SITE), "operator", List.of(), null),
          siteYaml(third, third.site(AGENT_SITE), "operator", List.of(), AGENT_HOST))));
    }
    seeder.seedFrom(yaml);
  }

  /** Runs {@code make} unless the demo made {@code site} before, and remembers that it did. */
  private void makeOnce(SimulatedLino root, String site, Runnable make) {
    Path memory = root.base().resolve(MADE);
    List<String> made = read(memory);
    // A demo from before the memory: the site is there, or the registry knows it (archived since).
    boolean madeBefore = made.contains(site) || Files.isDirectory(root.root().resolve(site))
        || registry.find(site).isPresent();
    if (!madeBefore) {
      make.run();
    }
    if (!made.contains(site)) {
      try {
        Files.writeString(memory, site + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<String> read(Path memory) {
    try {
      return Files.exists(memory) ? Files.readAllLines(memory) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> siteYaml(SimulatedLino root, SimulatedSite site, String contact,
      List<String> testers, String host) {
    ServiceCommands services = site.registeredServiceCommands();
    Map<String, Object> entry = new LinkedHashMap<>(Map.of(
        "name", site.name(),
        "root", root.root().toString(),
        "directory", site.name(),
        "state", "production",
        "database-kind", "sqlite",
        "contact", contact,
        "testers", testers,
        "service-commands", Map.of(
            "stop", services.stop(), "start", services.start(), "restart-web", services.restartWeb())));
    if (host != null) {
      entry.put("host", host);
    }
    return entry;
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

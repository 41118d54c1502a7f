package org.linoconductor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;

/**
 * One simulated Lino installation per test JVM under {@code target/}, and its sites registered in
 * the application under test. Each test class uses sites of its own name, so scenario switches,
 * site locks and the links of one test never touch another.
 */
public final class TestLino {

  private static SimulatedLino lino;
  private static final Map<String, SimulatedLino> roots = new HashMap<>();

  private TestLino() {}

  public static synchronized SimulatedLino installation() {
    if (lino == null) {
      lino = SimulatedLino.create(Path.of("target", "test-lino-" + ProcessHandle.current().pid()));
    }
    return lino;
  }

  /**
   * Publishes the next release upstream (without a schema change) and pulls it into {@code site}
   * only: that site then runs newer code than the others, so its restores migrate.
   */
  public static synchronized void pullNewRelease(SimulatedSite site) {
    SimulatedLino installation = installation();
    String version = installation.upstreamVersion();
    int dot = version.lastIndexOf('.');
    installation.publishRelease(version.substring(0, dot + 1) + (Integer.parseInt(version.substring(dot + 1)) + 1),
        false);
    try {
      ProcessBuilder pull = new ProcessBuilder(site.dir().resolve("pull.sh").toString())
          .directory(site.dir().toFile()).redirectErrorStream(true);
      pull.environment().putAll(site.activatedEnvironment());
      Process process = pull.start();
      String output = new String(process.getInputStream().readAllBytes());
      if (process.waitFor() != 0) {
        throw new IllegalStateException("pull.sh failed in " + site.dir() + ":\n" + output);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The simulated production site {@code name}, created and registered on first use. */
  public static SimulatedSite productionSite(SiteRegistry registry, String name) {
    return productionSite(registry, name, false);
  }

  /**
   * {@link #productionSite(SiteRegistry, String)}, registered with the four-eyes rule or without,
   * alone in a root of its own ({@link #rootOf}): only one site per root may be PRODUCTION.
   */
  public static SimulatedSite productionSite(SiteRegistry registry, String name, boolean fourEyes) {
    return productionSite(registry, name, fourEyes, null);
  }

  /** {@link #productionSite(SiteRegistry, String)} on {@code host}: the step agent of that host runs its steps. */
  public static SimulatedSite productionSiteOn(SiteRegistry registry, String name, String host) {
    return productionSite(registry, name, false, host);
  }

  private static synchronized SimulatedSite productionSite(SiteRegistry registry, String name, boolean fourEyes,
      String host) {
    SimulatedLino root = rootOf(name);
    SimulatedSite site = Files.isDirectory(root.root().resolve(name)) ? root.site(name) : root.createSite(name);
    if (registry.find(name).isEmpty()) {
      registry.register(new SiteRequest(name, root.root().toString(), name, SiteState.PRODUCTION,
          DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, null, site.registeredServiceCommands(),
          fourEyes, host), null, null);
    }
    return site;
  }

  /**
   * The root of the production site {@code production}, {@code <base>/lino<n>}: its previews are
   * created there too, beside the links {@code prod} and {@code preview}. Numbered, because a path
   * naming the site would change when preview-setup replaces the site's name in its scripts.
   */
  public static synchronized SimulatedLino rootOf(String production) {
    return roots.computeIfAbsent(production, name -> installation().withRoot("lino" + (roots.size() + 1)));
  }
}

package org.linoconductor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;

/**
 * One simulated Lino installation per test JVM under {@code target/}, and its sites registered in
 * the application under test. Each test class uses sites of its own name, so scenario switches and
 * site locks of one test never touch another.
 */
public final class TestLino {

  private static SimulatedLino lino;

  private TestLino() {}

  public static synchronized SimulatedLino installation() {
    if (lino == null) {
      lino = SimulatedLino.create(Path.of("target", "test-lino-" + ProcessHandle.current().pid()));
    }
    return lino;
  }

  /** The simulated production site {@code name}, created and registered on first use. */
  public static synchronized SimulatedSite productionSite(SiteRegistry registry, String name) {
    SimulatedLino installation = installation();
    SimulatedSite site = Files.isDirectory(installation.root().resolve(name))
        ? installation.site(name) : installation.createSite(name);
    if (registry.find(name).isEmpty()) {
      registry.register(new SiteRequest(name, installation.root().toString(), name, SiteState.PRODUCTION,
          DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, null, site.registeredServiceCommands()));
    }
    return site;
  }
}

package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.linoconductor.TestLino;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SiteProcess;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;

/**
 * Simulated previews as the seed leaves them before their first sync, for tests and benchmarks that
 * run real syncs: the preview's own copy of the site in its production's root, registered as PREVIEW
 * with its row in preview_site, and in production a snapshot2preview whose restore2preview.py was
 * made from restore.py and adapted by the operator.
 */
final class SimulatedPreviews {

  /** The first line of every restore2preview.py made here. */
  static final String ADAPTED = "# adapted by the operator for the preview's code\n";

  private SimulatedPreviews() {}

  /** The preview {@code name} of the production site {@code prod} ({@link TestLino#productionSite}). */
  static synchronized SimulatedSite previewOf(SiteRegistry registry, PreviewSites previews, SimulatedSite prod,
      String name, boolean nightly) {
    SimulatedLino root = TestLino.rootOf(prod.name());
    SimulatedSite preview = root.createSite(name);
    registry.register(new SiteRequest(name, root.root().toString(), name, SiteState.PREVIEW,
        DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, null, preview.registeredServiceCommands(),
        null), null, null);
    previews.register(new PreviewSite(name, prod.name(), nightly, null));
    Path snapshot = prod.dir().resolve(PreviewSyncProcess.SNAPSHOT_DIR);
    if (Files.isDirectory(snapshot)) {
      return preview; // made for another preview of this production
    }
    try {
      managePy(prod, "dump2py", PreviewSyncProcess.SNAPSHOT_DIR);
      Files.writeString(snapshot.resolve("restore2preview.py"),
          ADAPTED + Files.readString(snapshot.resolve("restore.py")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return preview;
  }

  /** Runs {@code manage.py args} in the site's activated environment; returns its output. */
  static String managePy(SimulatedSite site, String... args) {
    return SiteProcess.output(site, site.managePy(args));
  }
}

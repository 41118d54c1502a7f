package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;

/**
 * Registered sites for process tests, which never run a command: a directory with a manage.py is
 * all the registry asks for, and much quicker to make than a simulated Lino site.
 */
final class PreviewTestSites {

  private static final Path ROOT = Path.of("target", "preview-test-sites").toAbsolutePath();

  private PreviewTestSites() {}

  /** Registers {@code name} in {@code state}, alone in a root of its own, unless it is registered already. */
  static void site(SiteRegistry registry, String name, SiteState state) {
    site(registry, name, state, ROOT.resolve(name));
  }

  /**
   * A PREVIEW site {@code name} mirroring the PRODUCTION site {@code production}, in production's
   * root (one PRODUCTION per root: each production has a root of its own).
   */
  static void preview(SiteRegistry registry, PreviewSites previews, String name, String production,
      boolean nightly) {
    Path root = ROOT.resolve(production);
    site(registry, production, SiteState.PRODUCTION, root);
    if (registry.find(name).isEmpty()) {
      site(registry, name, SiteState.PREVIEW, root);
      previews.register(new PreviewSite(name, production, nightly, null));
    }
  }

  private static void site(SiteRegistry registry, String name, SiteState state, Path root) {
    if (registry.find(name).isPresent()) {
      return;
    }
    try {
      Files.createDirectories(root.resolve(name));
      Files.writeString(root.resolve(name).resolve("manage.py"), "# stands for a Lino site\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.register(new SiteRequest(name, root.toString(), name, state, null, null, "tester", null, null, null,
        null, null), null, null);
  }
}

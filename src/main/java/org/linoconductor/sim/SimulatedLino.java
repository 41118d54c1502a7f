package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.linoconductor.site.SiteLinks;

/**
 * A simulated Lino installation under a base directory B, because real Lino cannot be installed
 * here. Layout: {@code B/lino/} (the root: sites and the links {@code prod}, {@code preview}),
 * {@code B/log/<site>/} (what {@code /var/log/lino/<site>} is), {@code B/backups/<site>/},
 * {@code B/upstream/<repo>} (git repositories the sites pull releases from), {@code B/index/}
 * (the package index that pip-installed sites upgrade from), {@code B/bin/}
 * ({@code fake-service}, {@code make-env}, {@code python}) and {@code B/services.log}. More roots
 * beside {@code B/lino} ({@link #withRoot}) share all of these, as several Lino roots on one host do.
 */
public final class SimulatedLino {

  /** Names the seeds forbid for project directories: they name roles, which change. */
  private static final Set<String> ROLE_NAMES = Set.of("prod", "preview", "old", "new", "testing");
  private static final Pattern SITE_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  /** The directories of the installation itself, which a root must not take. */
  private static final Set<String> LAYOUT = Set.of("log", "backups", "upstream", "index", "bin");

  private final Path base;
  private final Path root;

  private SimulatedLino(Path base) {
    this.base = base.toAbsolutePath().normalize();
    this.root = this.base.resolve("lino");
  }

  private SimulatedLino(Path base, Path root) {
    this.base = base;
    this.root = root;
  }

  /** Lays out a new installation in base; refuses a base that already holds one. */
  public static SimulatedLino create(Path base) {
    SimulatedLino lino = new SimulatedLino(base);
    if (Files.exists(lino.root())) {
      throw new IllegalStateException("A simulated Lino already exists in " + lino.base + ": open it");
    }
    Path bin = lino.base.resolve("bin");
    try {
      for (String dir : List.of("lino", "log", "backups", "upstream", "index")) {
        Files.createDirectories(lino.base.resolve(dir));
      }
      Files.createDirectories(bin);
      // pyenv puts a shim on PATH; the sites' env/bin/python must be the interpreter itself
      Files.createSymbolicLink(bin.resolve("python"), Path.of(Commands.run(lino.base,
          List.of("python3", "-c", "import sys; print(sys.executable)"))));
      Files.createFile(lino.base.resolve("services.log"));
      Files.createFile(lino.base.resolve("log/upgrades.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Templates.copy("bin/fake-service", bin.resolve("fake-service"), true);
    Templates.copy("bin/make-env", bin.resolve("make-env"), true);
    for (String file : List.of("activate", "pip", "df", "rsync")) {
      Templates.copy("env/" + file, bin.resolve("env-template").resolve(file), false);
    }
    lino.upstreams().create();
    return lino;
  }

  /** Re-opens an installation made by {@link #create}, e.g. after the demo restarted. */
  public static SimulatedLino open(Path base) {
    SimulatedLino lino = new SimulatedLino(base);
    if (!Files.isDirectory(lino.root()) || !Files.isExecutable(lino.fakeService())) {
      throw new IllegalStateException("No simulated Lino in " + lino.base);
    }
    return lino;
  }

  /** The demo's start: the existing installation, or a new one. */
  public static SimulatedLino openOrCreate(Path base) {
    return Files.exists(base.resolve("lino")) ? open(base) : create(base);
  }

  public Path base() {
    return base;
  }

  /** The directory holding the sites and the links {@code prod} and {@code preview}. */
  public Path root() {
    return root;
  }

  /**
   * This installation with the root {@code B/<name>} (created if missing) instead of {@code B/lino}:
   * its own sites and {@code prod} and {@code preview} links, sharing upstreams, {@code bin/}, logs,
   * backups and services.log. A sibling of {@code B/lino}, so that {@code <root>/../bin/make-env} works.
   */
  public SimulatedLino withRoot(String name) {
    if (!SITE_NAME.matcher(name).matches() || LAYOUT.contains(name)) {
      throw new IllegalArgumentException("Not a root name of " + base + ": " + name);
    }
    try {
      return new SimulatedLino(base, Files.createDirectories(base.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The command standing in for {@code sudo service NAME ACTION}; calls go to services.log. */
  public Path fakeService() {
    return base.resolve("bin/fake-service");
  }

  /** The command that creates a site's fresh {@code env/} (argument: the site directory). */
  public Path makeEnv() {
    return base.resolve("bin/make-env");
  }

  /** Creates a production-like site with data, ready for make_snapshot.sh, laid out for development. */
  public SimulatedSite createSite(String name) {
    return createSite(name, Layout.GIT);
  }

  /** Creates a production-like site with data, its Lino packages laid out as {@code layout} says. */
  public SimulatedSite createSite(String name, Layout layout) {
    if (!SITE_NAME.matcher(name).matches() || ROLE_NAMES.contains(name)) {
      throw new IllegalArgumentException("Not a neutral site name: " + name);
    }
    Path dir = root().resolve(name);
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException("Site " + name + " already exists in " + root());
    }
    SiteFiles.generate(this, name, dir, layout);
    return new SimulatedSite(this, name);
  }

  /** An existing site. */
  public SimulatedSite site(String name) {
    if (!Files.isDirectory(root().resolve(name).resolve("env"))) {
      throw new IllegalArgumentException("No site " + name + " in " + root());
    }
    return new SimulatedSite(this, name);
  }

  /** The sites (directories holding manage.py: not the links, not an archive), by name. */
  public List<SimulatedSite> sites() {
    try (Stream<Path> entries = Files.list(root())) {
      return entries.filter(p -> !Files.isSymbolicLink(p) && Files.isRegularFile(p.resolve("manage.py")))
          .map(p -> p.getFileName().toString()).sorted().map(n -> new SimulatedSite(this, n)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Points {@code prod} at the site. */
  public void linkProd(String site) {
    link("prod", site);
  }

  /** Points {@code preview} at the site. */
  public void linkPreview(String site) {
    link("preview", site);
  }

  /** A new link beside the old one, then renamed over it: the vhost never sees no link. */
  private void link(String link, String site) {
    site(site);
    SiteLinks.point(root(), link, site);
  }

  /** A commit in every upstream; sites see it after their pull.sh. */
  public void publishRelease(String version, boolean schemaChanged) {
    upstreams().publish(version, schemaChanged);
  }

  /** The version last published upstream. */
  public String upstreamVersion() {
    return upstreams().version();
  }

  /** The lines of services.log: one per fake-service call, ISO timestamp then the arguments. */
  public List<String> serviceCalls() {
    try {
      return Files.readAllLines(base.resolve("services.log"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Switches on an installation-wide scenario ({@link Scenario#SERVICE_FAILURE}). */
  public void enable(Scenario scenario, String parameter) {
    switches().enable(scenario, parameter);
  }

  public void disable(Scenario scenario) {
    switches().disable(scenario);
  }

  private Switches switches() {
    return new Switches(base, true);
  }

  private Upstreams upstreams() {
    return new Upstreams(base);
  }
}

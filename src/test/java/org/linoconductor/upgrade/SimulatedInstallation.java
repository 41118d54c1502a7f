package org.linoconductor.upgrade;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.sim.Layout;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SiteProcess;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepContexts;

/**
 * A simulated Lino installation of one test class under {@code target/}. Tests that change a
 * site's data, code or switches take a {@link #freshSite()}, so they do not depend on each other's
 * order; releases are published to this installation only.
 */
final class SimulatedInstallation {

  private final SimulatedLino lino;
  private final Path logs;
  private final AtomicInteger sites = new AtomicInteger();
  private final AtomicInteger releases = new AtomicInteger();

  SimulatedInstallation() {
    Path base = Path.of("target", "steps-" + UUID.randomUUID());
    lino = SimulatedLino.create(base);
    logs = lino.base().resolve("step-logs");
  }

  SimulatedLino lino() {
    return lino;
  }

  /** A new site alone in a root of its own: registered, each may be PRODUCTION. */
  SimulatedSite freshSite() {
    return freshSite(Layout.GIT);
  }

  /** {@link #freshSite()} with its Lino packages laid out as {@code layout} says. */
  SimulatedSite freshSite(Layout layout) {
    int number = sites.incrementAndGet();
    return lino.withRoot("lino" + number).createSite("site" + number, layout);
  }

  /** The site as the registry would hold it: production, SQLite, the fake service commands. */
  static Site site(SimulatedSite sim, String url) {
    return new Site(sim.name(), sim.dir().getParent(), sim.dir(), SiteState.PRODUCTION,
        sim.registeredServiceCommands(), DatabaseKind.SQLITE, false, "tester", List.of("tester"), url, null, false, null);
  }

  static Site site(SimulatedSite sim) {
    return site(sim, null);
  }

  StepContext real(Site site, String topic, Map<String, Object> variables) {
    return StepContexts.real(site, topic, variables, logs.resolve(UUID.randomUUID().toString()));
  }

  StepContext real(Site site, String topic) {
    return real(site, topic, Map.of());
  }

  StepContext dryRun(Site site, String topic, Map<String, Object> variables) {
    return StepContexts.dryRun(site, topic, variables, logs.resolve(UUID.randomUUID().toString()));
  }

  /** The commands a context ran or rendered, as rendered lines. */
  static List<String> commands(StepContext context) {
    return StepContexts.results(context).stream().map(ShellResult::command).map(c -> c.render()).toList();
  }

  /** A new release upstream; sites get it with pull.sh. */
  String publishRelease(boolean schemaChanged) {
    String version = "21.3." + releases.incrementAndGet();
    lino.publishRelease(version, schemaChanged);
    return version;
  }

  void makeSnapshot(SimulatedSite site) {
    run(site, List.of(site.dir().resolve("make_snapshot.sh").toString()));
  }

  void pull(SimulatedSite site) {
    run(site, List.of(site.dir().resolve("pull.sh").toString()));
  }

  /** {@code sqlite3 default.db .dump}: every table of the site's database, row by row. */
  static String sqliteDump(SimulatedSite site) {
    return run(site, List.of("sqlite3", "default.db", ".dump"));
  }

  /** {@code env/bin/pip freeze}: the env's package list. */
  static String freeze(SimulatedSite site) {
    return run(site, List.of(site.dir().resolve("env/bin/pip").toString(), "freeze"));
  }

  /** Every row of the site's database, in a canonical order. */
  String showdata(SimulatedSite site) {
    return run(site, site.managePy("showdata"));
  }

  /** Runs argv in the site directory with its env active; fails the test on a non-zero exit. */
  static String run(SimulatedSite site, List<String> argv) {
    return SiteProcess.output(site, argv);
  }
}

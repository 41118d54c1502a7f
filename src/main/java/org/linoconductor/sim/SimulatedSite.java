package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linoconductor.site.ServiceCommands;

/** One site of a {@link SimulatedLino}: a project directory as getlino lays it out. */
public final class SimulatedSite {

  private static final List<String> SERVICES = List.of("apache2", "supervisor", "cron", "nginx");
  private static final List<String> ACTIONS = List.of("stop", "start", "restart");

  private final SimulatedLino lino;
  private final String name;

  SimulatedSite(SimulatedLino lino, String name) {
    this.lino = lino;
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** The project directory, {@code B/lino/<name>}. */
  public Path dir() {
    return lino.root().resolve(name);
  }

  /** Where make_snapshot.sh moves older snapshots, {@code B/backups/<name>}. */
  public Path archiveDir() {
    return lino.base().resolve("backups").resolve(name);
  }

  /** The argv of {@code python manage.py ARGS} with the site's interpreter; run it in {@link #dir()}. */
  public List<String> managePy(String... args) {
    List<String> argv = new ArrayList<>(List.of(dir().resolve("env/bin/python").toString(), "manage.py"));
    argv.addAll(List.of(args));
    return argv;
  }

  /** What {@code . env/bin/activate} sets: VIRTUAL_ENV, and env/bin first on PATH. */
  public Map<String, String> activatedEnvironment() {
    Path env = dir().resolve("env");
    return Map.of("VIRTUAL_ENV", env.toString(),
        "PATH", env.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
  }

  /**
   * Service commands keyed {@code "<service> <action>"} (apache2, supervisor, cron, nginx × stop,
   * start, restart), as argv lists calling the fake service.
   */
  public Map<String, List<String>> serviceCommands() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    for (String service : SERVICES) {
      for (String action : ACTIONS) {
        commands.put(service + " " + action, List.of(lino.fakeService().toString(), service, action));
      }
    }
    return commands;
  }

  /**
   * The fake service calls as a site registration wants them, in the seed's order: apache2,
   * supervisor and cron stopped and started, nginx restarted.
   */
  public ServiceCommands registeredServiceCommands() {
    Map<String, List<String>> calls = serviceCommands();
    return new ServiceCommands(
        List.of(calls.get("apache2 stop"), calls.get("supervisor stop"), calls.get("cron stop")),
        List.of(calls.get("apache2 start"), calls.get("supervisor start"), calls.get("cron start")),
        List.of(calls.get("nginx restart")));
  }

  /** How the site's Lino packages are installed: clones in env/repositories, or pip-installed. */
  public Layout layout() {
    return Files.isDirectory(dir().resolve("env/repositories")) ? Layout.GIT : Layout.PIP;
  }

  /** The env's {@code lib/python3.X/site-packages}. */
  public Path sitePackages() {
    try (var dirs = Files.newDirectoryStream(dir().resolve("env/lib"), "python*")) {
      for (Path dir : dirs) {
        return dir.resolve("site-packages");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("No site-packages in " + dir().resolve("env/lib"));
  }

  /** The version of the code in the site's environment (changes with pull.sh). */
  public String version() {
    Path lino = layout() == Layout.GIT ? dir().resolve("env/repositories/lino") : sitePackages().resolve("lino");
    try {
      return Files.readString(lino.resolve("VERSION")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a plugin to settings.py, e.g. {@code lino.modlib.elastic} for buildindexes. */
  public void installPlugin(String plugin) {
    Path settings = dir().resolve("settings.py");
    try {
      String text = Files.readString(settings);
      Files.writeString(settings, text.replace("plugins=[", "plugins=['" + plugin + "', "));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Switches a site scenario on; the parameter is the switch file's content. {@link Scenario#DANGLING}
   * breaks the data at once (any manage.py command does it; showdata changes nothing else).
   */
  public void enable(Scenario scenario, String parameter) {
    switches().enable(scenario, parameter);
    if (scenario == Scenario.DANGLING) {
      Commands.run(dir(), managePy("showdata"));
    }
  }

  public void disable(Scenario scenario) {
    switches().disable(scenario);
  }

  private Switches switches() {
    return new Switches(dir(), false);
  }
}

package org.linoconductor.site;

import java.util.List;

/**
 * The commands that stop and start what writes to a site's database, as argv lists run in order
 * (never shell lines). {@code restartWeb} restarts the front web server after collectstatic so
 * that static files leave its cache.
 */
public record ServiceCommands(
    List<List<String>> stop, List<List<String>> start, List<List<String>> restartWeb) {

  /** The seed's commands: apache2, supervisor and cron stopped and started, nginx restarted. */
  public static final ServiceCommands DEFAULTS = new ServiceCommands(
      List.of(service("apache2", "stop"), service("supervisor", "stop"), service("cron", "stop")),
      List.of(service("apache2", "start"), service("supervisor", "start"), service("cron", "start")),
      List.of(service("nginx", "restart")));

  public ServiceCommands {
    stop = copy(stop);
    start = copy(start);
    restartWeb = copy(restartWeb);
  }

  private static List<String> service(String name, String action) {
    return List.of("sudo", "service", name, action);
  }

  // A null list stays null so that validation can name the missing action.
  private static List<List<String>> copy(List<List<String>> commands) {
    return commands == null ? null : commands.stream().map(c -> c == null ? null : List.copyOf(c)).toList();
  }
}

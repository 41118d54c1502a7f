package org.linoconductor.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a process over {@code POST /engine-rest/process-definition/key/{key}/start} with exactly
 * the start variables given, each typed as the process reads it; prints the run's id and follows
 * it when asked. The engine refuses a bad start (an unknown or busy site, a bad value) with a
 * message, which becomes this command's error.
 */
final class RunStart {

  private final String processKey;
  private final Map<String, Object> variables = new LinkedHashMap<>();

  RunStart(String processKey) {
    this.processKey = processKey;
  }

  /** A String variable; left out when null. */
  RunStart text(String name, String value) {
    if (value != null) {
      variables.put(name, Json.typed(value));
    }
    return this;
  }

  /** A Boolean variable, sent only when true: false is every process's default. */
  RunStart flag(String name, boolean value) {
    if (value) {
      variables.put(name, Json.typed(Boolean.TRUE));
    }
    return this;
  }

  int start(ClientCommand command, boolean follow) throws InterruptedException {
    Server server = command.server();
    Map<String, Object> body = Map.of("variables", variables);
    String run = Json.text(Json.object(server.engine("/process-definition/key/" + Server.segment(processKey)
        + "/start", body)), "id");
    command.out().println("Started " + processKey + ": run " + run);
    if (follow) {
      return new RunFollower(server, command.out(), true).follow(run);
    }
    command.out().println("Follow it with: conductor follow " + run);
    return ExitStatus.OK;
  }
}

package org.linoconductor.agent;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.linoconductor.upgrade.CodeState;
import org.linoconductor.upgrade.CodeStateRepository;

/** A step agent's code states: kept by the server (table code_state), through {@code /api/agent}. */
final class ServerCodeStates implements CodeStateRepository {

  private final ServerConnection server;

  ServerCodeStates(ServerConnection server) {
    this.server = server;
  }

  @Override
  public Optional<CodeState> find(String processInstanceId, Phase phase) {
    HttpResponse<String> response = server.send("GET", path(processInstanceId, phase), null, 200, 404);
    return response.statusCode() == 404 ? Optional.empty() : Optional.of(server.read(response, CodeState.class));
  }

  /** Recorded at the server's time, not {@code recordedAt}: one clock for every host. */
  @Override
  public void save(String processInstanceId, Phase phase, CodeState state, Instant recordedAt) {
    server.send("PUT", path(processInstanceId, phase), state, 200);
  }

  private static String path(String run, Phase phase) {
    return "/runs/" + run + "/code-states/" + phase.name();
  }
}

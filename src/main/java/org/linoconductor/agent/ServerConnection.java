package org.linoconductor.agent;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.snapshot.GoodSnapshots;
import org.linoconductor.step.StepReport;
import org.linoconductor.step.StepServer;

/** The central Conductor's {@code /api/agent}, as the agent's user: where the agent's steps are recorded. */
final class ServerConnection implements StepServer, GoodSnapshots {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ObjectMapper json;
  private final String base;
  private final String authorization;
  private final String node;

  ServerConnection(AgentProperties agent, String node, ObjectMapper json) {
    this.json = json;
    this.base = agent.serverUrl().replaceAll("/+$", "") + "/api/agent";
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((agent.user() + ":" + agent.password())
        .getBytes(StandardCharsets.UTF_8));
    this.node = node;
  }

  @Override
  public Optional<Assignment> start(String externalTaskId) {
    HttpResponse<String> response = send("POST", "/steps", Map.of("externalTaskId", externalTaskId, "node", node),
        200, 409);
    return response.statusCode() == 409 ? Optional.empty() : Optional.of(read(response, Assignment.class));
  }

  @Override
  public void sessionStarted(long record, ProcessSession session) {
    send("POST", "/steps/" + record + "/session", session, 200);
  }

  @Override
  public void liveLog(long record, String log, long from, String content) {
    send("POST", "/steps/" + record + "/live", Map.of("log", log, "from", from, "content", content), 200);
  }

  @Override
  public void finish(long record, StepReport report) {
    send("POST", "/steps/" + record + "/finish", report, 200);
  }

  @Override
  public List<Unfinished> unfinished() {
    return read(send("GET", "/steps/unfinished?node=" + URLEncoder.encode(node, StandardCharsets.UTF_8), null, 200),
        new TypeReference<>() {});
  }

  @Override
  public void interrupted(long record, String leftovers, String tail) {
    send("POST", "/steps/" + record + "/interrupted", Map.of("leftovers", leftovers, "tail", tail), 200);
  }

  @Override
  public Optional<GoodSnapshot> last(String site) {
    HttpResponse<String> response = send("GET", "/sites/" + site + "/good-snapshot", null, 200, 404);
    return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(response, GoodSnapshot.class));
  }

  @Override
  public void record(String site, String run, String path, long sizeBytes) {
    send("POST", "/sites/" + site + "/good-snapshot", Map.of("run", run, "path", path, "sizeBytes", sizeBytes), 200);
  }

  /** Calls {@code /api/agent<path>}; any status but {@code expected} is a failure that says what the server answered. */
  HttpResponse<String> send(String method, String path, Object body, int... expected) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
          .header("Authorization", authorization).header("Accept", "application/json");
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      }
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      for (int status : expected) {
        if (response.statusCode() == status) {
          return response;
        }
      }
      throw new IllegalStateException("AGENT-020 The server answered " + method + " " + base + path + " with "
          + response.statusCode() + ": " + response.body());
    } catch (IOException e) {
      throw new IllegalStateException("AGENT-021 The server " + base + " cannot be reached: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while calling the server", e);
    }
  }

  <T> T read(HttpResponse<String> response, Class<T> type) {
    try {
      return json.readValue(response.body(), type);
    } catch (IOException e) {
      throw new IllegalStateException("AGENT-022 Unreadable answer of the server: " + e.getMessage(), e);
    }
  }

  <T> T read(HttpResponse<String> response, TypeReference<T> type) {
    try {
      return json.readValue(response.body(), type);
    } catch (IOException e) {
      throw new IllegalStateException("AGENT-022 Unreadable answer of the server: " + e.getMessage(), e);
    }
  }
}

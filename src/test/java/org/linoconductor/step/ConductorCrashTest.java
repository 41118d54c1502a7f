package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorApplication;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;

/**
 * Nothing keeps running after a crash: the demo in a JVM of its own upgrades anna, whose restore
 * hangs (with a child process); that JVM is killed with SIGKILL, and the restore's processes live on.
 * Conductor started again on the same data ends them before anything else, the run waits at
 * "Decide on failed step" with the warning that the step was interrupted, and "roll back" works
 * from there. All over HTTP, as an operator would.
 */
class ConductorCrashTest {

  private static final Duration START_UP = Duration.ofMinutes(5);
  private static final Duration PATIENCE = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Process> started = new ArrayList<>();
  private int port;

  @AfterEach
  void stopConductor() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void afterKillMinus9TheHangingStepsProcessesAreEndedAndTheRunWaitsAtTheDecisionFromWhichItRollsBack()
      throws Exception {
    port = freePort();
    Process first = startConductor("first");
    SimulatedSite anna = SimulatedLino.open(data.resolve("demo")).site("anna");
    String versionBefore = anna.version();
    anna.enable(Scenario.HANG, "run"); // the restore hangs for ever, with a child process
    String run = post("/engine-rest/process-definition/key/production-upgrade/start",
        "{\"variables\":{\"site\":{\"value\":\"anna\"}}}").get("id").asText();
    await().atMost(PATIENCE).until(() -> "RUNNING".equals(status(run, "restore-snapshot"))
        && Files.exists(anna.dir().resolve(".sim/hang.child-pid")));
    long hangChild = Long.parseLong(Files.readString(anna.dir().resolve(".sim/hang.child-pid")).strip());
    long session = sessionOf(hangChild);

    first.destroyForcibly().waitFor();

    assertThat(running(hangChild)).as("the restore's child outlives the killed Conductor").isTrue();
    assertThat(running(session)).as("and so does the restore itself (its session's leader)").isTrue();
    anna.disable(Scenario.HANG);

    startConductor("second");

    assertThat(running(hangChild)).as("ended when Conductor started again").isFalse();
    assertThat(running(session)).isFalse();
    JsonNode restore = step(run, "restore-snapshot");
    assertThat(restore.get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(restore.get("summary").asText()).contains("was interrupted", "session " + session,
        "were still running and were ended");
    JsonNode tasks = get("/engine-rest/task?processInstanceId=" + run);
    assertThat(tasks).hasSize(1);
    assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo("stepFailed");
    String task = tasks.get(0).get("id").asText();
    assertThat(get("/engine-rest/task/" + task + "/variables").get("failureMessage").get("value").asText())
        .contains("restore-snapshot", "was interrupted");

    post("/engine-rest/task/" + task + "/complete",
        "{\"variables\":{\"action\":{\"value\":\"rollback\"},\"comment\":{\"value\":\"crashed mid-restore\"}}}");

    await().atMost(PATIENCE).until(() -> "COMPLETED".equals(
        get("/engine-rest/history/process-instance/" + run).get("state").asText()));
    assertThat(get("/engine-rest/history/activity-instance?processInstanceId=" + run + "&activityId=UpgradeRolledBack"))
        .hasSize(1);
    assertThat(anna.version()).isEqualTo(versionBefore);
  }

  /** The demo as `java -jar` runs it, on this test's data, in a JVM of its own; returns once it answers. */
  private Process startConductor(String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), ConductorApplication.class.getName(),
        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("conductor") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0",
        "--conductor.demo.base=" + data.resolve("demo"),
        "--conductor.steps.log-dir=" + data.resolve("logs"),
        "--conductor.preview.upgrades-log=" + data.resolve("upgrades.log"),
        "--conductor.shell.kill-grace=2s",
        "--camunda.bpm.webapp.enabled=false",
        "--server.port=" + port)
        .directory(data.toFile()).redirectErrorStream(true)
        .redirectOutput(data.resolve(name + ".log").toFile()).start();
    started.add(process);
    await().atMost(START_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
      assertThat(process.isAlive()).as("Conductor %s is running (see %s)", name, data.resolve(name + ".log")).isTrue();
      return answers();
    });
    return process;
  }

  private boolean answers() {
    try {
      // the demo lays out and registers its sites as it starts: ready once anna is registered
      return http.send(request("/api/sites/anna").build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String status(String run, String step) throws Exception {
    JsonNode found = step(run, step);
    return found == null ? null : found.get("status").asText();
  }

  private JsonNode step(String run, String step) throws Exception {
    return StreamSupport.stream(get("/api/runs/" + run).get("steps").spliterator(), false)
        .filter(s -> s.get("step").asText().equals(step)).reduce((a, b) -> b).orElse(null);
  }

  private JsonNode get(String path) throws Exception {
    return send(request(path).GET().build());
  }

  private JsonNode post(String path, String body) throws Exception {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private JsonNode send(HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("%s %s: %s", request.method(), request.uri(), response.body())
        .isBetween(200, 299);
    return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
  }

  private HttpRequest.Builder request(String path) {
    String operator = Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + operator).timeout(Duration.ofSeconds(30));
  }

  /** Field 6 of /proc/PID/stat: the session the process runs in. */
  private static long sessionOf(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
  }

  /** Alive and not a zombie (an orphan is reaped late by some inits). */
  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

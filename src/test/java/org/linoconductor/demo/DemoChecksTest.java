package org.linoconductor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorApplication;
import org.linoconductor.Http;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The "Checked by" of the attempt and audit issues, on the demo as `mvn spring-boot:run` starts
 * it, over HTTP only, as operator and tester would: upgrade anna and sign off, set up and sync the
 * preview berta, let one attempt time out, accept a second one, snapshot carla (which the tester
 * does not test); then /runs as each user and as nobody. The job executor runs as in the demo; only the attempt's time-out timer is fired by the
 * test once it is due, so that the test need not wait for the job executor's idle back-off.
 */
class DemoChecksTest {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  /** Camunda's REST API of this test's engine: every test context names its engine differently. */
  private static final String REST = "/engine-rest/engine/demoChecks";

  @TempDir static Path data;
  private static ConfigurableApplicationContext demo;
  private static Http operator;
  private static Http tester;
  private static int port;

  @BeforeAll
  static void startTheDemo() {
    demo = SpringApplication.run(ConductorApplication.class,
        DemoInThisJvm.arguments(data, "--camunda.bpm.process-engine-name=demoChecks"));
    port = ((WebServerApplicationContext) demo).getWebServer().getPort();
    operator = Http.as(port, "operator", "operator");
    tester = Http.as(port, "tester", "tester");
  }

  @AfterAll
  static void stopTheDemo() {
    demo.close();
  }

  @Test
  void upgradeThenAnAttemptThatTimesOutThenOneThatIsAcceptedAllOnRecord() throws Exception {
    Path root = data.resolve("demo/lino");

    String otherSite = start("site-snapshot", "{\"site\":{\"value\":\"carla\"}}");
    String upgrade = start("production-upgrade", "{\"site\":{\"value\":\"anna\"}}");
    complete(tester, awaitTask(upgrade, "signOff"),
        "{\"siteWorks\":{\"value\":true},\"comment\":{\"value\":\"Signed in, clients and calendar look fine\"}}");
    assertThat(awaitEnd(upgrade)).isEqualTo("COMPLETED");

    String setup = start("preview-setup", "{\"site\":{\"value\":\"anna\"},\"newSite\":{\"value\":\"berta\"}}");
    complete(operator, awaitTask(setup, "reviewReplacements"),
        "{\"approved\":{\"value\":true},\"comment\":{\"value\":\"only the names changed\"}}");
    assertThat(awaitEnd(setup)).isEqualTo("COMPLETED");
    assertThat(awaitEnd(start("preview-sync", "{\"site\":{\"value\":\"berta\"}}"))).isEqualTo("COMPLETED");

    // Nobody decides: production comes back, berta stays PREVIEW, the record says where the data went.
    String timedOut = start("upgrade-attempt", "{\"site\":{\"value\":\"berta\"},\"duration\":{\"value\":\"PT3S\"}}");
    awaitTask(timedOut, "decideAttempt");
    assertThat(SiteLinks.target(root, SiteLinks.PROD)).hasValue("berta");
    fireTimeUp(timedOut);
    assertThat(awaitEnd(timedOut)).isEqualTo("COMPLETED");
    assertThat(SiteLinks.target(root, SiteLinks.PROD)).hasValue("anna");
    assertThat(state("berta")).isEqualTo("PREVIEW");
    JsonNode timedOutRun = Http.json(operator.get("/api/runs/" + timedOut)).get("run");
    assertThat(timedOutRun.get("outcome").asText()).isEqualTo("TIMED_OUT");
    String kept = variable(timedOut, "attemptSnapshot");
    assertThat(Path.of(kept)).exists().hasParent(root.resolve("berta"));
    assertThat(variable(timedOut, "resultMessage")).contains("timed out", kept);

    // A tester accepts: berta becomes PRODUCTION, anna OLD.
    String accepted = start("upgrade-attempt", "{\"site\":{\"value\":\"berta\"},\"duration\":{\"value\":\"PT2M\"}}");
    complete(tester, awaitTask(accepted, "decideAttempt"),
        "{\"decision\":{\"value\":\"accept\"},\"comment\":{\"value\":\"new version works, keep it\"}}");
    assertThat(awaitEnd(accepted)).isEqualTo("COMPLETED");
    assertThat(state("berta")).isEqualTo("PRODUCTION");
    assertThat(state("anna")).isEqualTo("OLD");
    assertThat(SiteLinks.target(root, SiteLinks.PROD)).hasValue("berta");
    assertThat(Files.exists(root.resolve(SiteLinks.PREVIEW), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
    // GET /api/sites shows each transition with who and when: berta registered by the operator's
    // setup, promoted by the tester's decision.
    JsonNode history = Http.json(operator.get("/api/sites/berta")).get("history");
    assertThat(history).extracting(change -> change.get("to").asText() + " by " + change.get("changedBy").asText())
        .containsExactly("PREVIEW by operator", "PRODUCTION by tester");
    assertThat(history.get(1).get("run").asText()).isEqualTo(accepted);

    // /runs lists both with their outcome, for operator and tester alike.
    for (Http user : List.of(operator, tester)) {
      JsonNode runs = Http.json(user.get("/api/runs")).get("items");
      assertThat(outcomeOf(runs, upgrade)).isEqualTo("SUCCEEDED");
      assertThat(outcomeOf(runs, accepted)).isEqualTo("SUCCEEDED");
      assertThat(outcomeOf(runs, timedOut)).isEqualTo("TIMED_OUT");
    }
    // The tester sees anna's runs and those of anna's preview berta (which the tester tests), never
    // carla's, which only operators see.
    assertThat(awaitEnd(otherSite)).isEqualTo("COMPLETED");
    assertThat(outcomeOf(Http.json(operator.get("/api/runs")).get("items"), otherSite)).isEqualTo("SUCCEEDED");
    assertThat(sites(Http.json(tester.get("/api/runs")).get("items"))).containsOnly("anna", "berta");
    assertThat(tester.get("/api/runs/" + otherSite).statusCode()).isEqualTo(404);

    // The upgrade's page: every step, the sign-off with its comment, the versions before and after.
    JsonNode detail = Http.json(operator.get("/api/runs/" + upgrade));
    assertThat(detail.get("steps")).extracting(step -> step.get("status").asText()).doesNotContain("FAILED");
    assertThat(detail.get("steps").size()).isGreaterThanOrEqualTo(13);
    assertThat(detail.get("run").get("decisions").get(0).get("comment").asText())
        .isEqualTo("Signed in, clients and calendar look fine");
    assertThat(detail.get("codeState")).extracting(entry -> entry.get("phase").asText()).contains("before", "after");
    String page = Http.signedIn(port, "tester", "tester").get("/runs/" + upgrade).body();
    assertThat(page).contains("Signed in, clients and calendar look fine", ProductionUpgradeProcess.Topics.RESTORE_SNAPSHOT,
        "Before", "After");
    // The attempt's page: who decided, the time left then, the code on trial.
    JsonNode attempt = Http.json(tester.get("/api/runs/" + accepted));
    JsonNode decision = attempt.get("run").get("decisions").get(0);
    assertThat(decision.get("decidedBy").asText()).isEqualTo("tester");
    assertThat(decision.get("context").asText()).startsWith("timeLeft=PT1M");
    assertThat(attempt.get("codeState")).extracting(entry -> entry.get("phase").asText()).contains("before", "after");

    // Nobody anonymous.
    Http nobody = Http.anonymous(port);
    assertThat(nobody.get("/api/runs").statusCode()).isEqualTo(401);
    assertThat(nobody.get(REST + "/task").statusCode()).isEqualTo(401);
    HttpResponse<String> runsPage = nobody.get("/runs");
    assertThat(runsPage.statusCode()).isEqualTo(302);
    assertThat(runsPage.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/signin"));
  }

  private static String start(String process, String variables) {
    HttpResponse<String> response = operator.postJson(REST + "/process-definition/key/" + process + "/start",
        "{\"variables\":" + variables + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response).get("id").asText();
  }

  private static String awaitTask(String run, String taskKey) {
    List<String> found = new ArrayList<>();
    await().atMost(PATIENCE).until(() -> {
      JsonNode tasks = Http.json(operator.get(REST + "/task?processInstanceId=" + run
          + "&taskDefinitionKey=" + taskKey));
      tasks.forEach(task -> found.add(task.get("id").asText()));
      return !found.isEmpty();
    });
    return found.get(0);
  }

  private static void complete(Http user, String task, String variables) {
    if (user == tester) {
      assertThat(user.postJson(REST + "/task/" + task + "/claim", "{\"userId\":\"tester\"}").statusCode())
          .isEqualTo(204);
    }
    HttpResponse<String> done = user.postJson(REST + "/task/" + task + "/complete",
        "{\"variables\":" + variables + "}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  private static String awaitEnd(String run) {
    String[] state = new String[1];
    await().atMost(PATIENCE).until(() -> {
      state[0] = Http.json(operator.get(REST + "/history/process-instance/" + run)).get("state").asText();
      return !"ACTIVE".equals(state[0]);
    });
    return state[0];
  }

  /** The decision's boundary timer, fired as the job executor would once it is due. */
  private static void fireTimeUp(String run) {
    ManagementService management = demo.getBean(ManagementService.class);
    Job timer = management.createJobQuery().processInstanceId(run).timers().singleResult();
    assertThat(timer).as("the attempt's time-out timer").isNotNull();
    await().atMost(PATIENCE).until(() -> Instant.now().isAfter(timer.getDuedate().toInstant()));
    management.executeJob(timer.getId());
  }

  private static String variable(String run, String name) {
    JsonNode found = Http.json(operator.get(REST + "/history/variable-instance?processInstanceId=" + run
        + "&variableName=" + name));
    assertThat(found.size()).as("variable %s of run %s", name, run).isOne();
    return found.get(0).get("value").asText();
  }

  private static String state(String site) {
    return Http.json(operator.get("/api/sites/" + site)).get("state").asText();
  }

  private static String outcomeOf(JsonNode runs, String run) {
    return StreamSupport.stream(runs.spliterator(), false)
        .filter(r -> r.get("processInstanceId").asText().equals(run)).findFirst()
        .map(r -> r.get("outcome").asText()).orElse("not listed");
  }

  private static List<String> sites(JsonNode runs) {
    return StreamSupport.stream(runs.spliterator(), false).map(r -> r.get("site").asText()).toList();
  }
}

package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Elements;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run stays on the site, and in the mode, it was started with, over real HTTP with the real worker
 * on simulated sites: a tester's sign-off carrying {@code site} (and any other variable its form does
 * not declare) is refused by every way Camunda and Tasklist offer, and changes nothing; variable
 * updates and instance modifications, which only operators may make, do not move a run's steps
 * either, nor make a dry run real.
 */
@ConductorWebTest
class RunIdentityAttackTest {

  private static final String ANNA = "ria_anna";
  private static final String CARLA = "ria_carla";
  private static final String DRY = "ria_dry";
  private static final String REST = "/engine-rest/";
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  private Http operator;
  private Http tester;

  @BeforeEach
  void anOperatorATesterOfAnnaAndTwoSites() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    authorizations.ensureTestersOf(ANNA);
    // A tester of anna through the group (the user "tester" of other tests is the sites' named contact).
    authorizations.ensureUser("ria_tester", "ria_tester", ConductorGroups.testersOf(ANNA));
    TestLino.productionSite(registry, ANNA);
    TestLino.productionSite(registry, CARLA);
    TestLino.productionSite(registry, DRY);
    operator = Http.as(port, "operator", "operator");
    tester = Http.as(port, "ria_tester", "ria_tester");
  }

  @Test
  void aSignOffCarryingAnotherSiteIsRefusedEverywhereAndTheRunGoesOnWhereItWasStarted() {
    String run = start(ANNA, false);
    String signOff = awaitTask(run, Elements.SIGN_OFF, 1).get(0);
    List<Map<String, Object>> stepsBefore = steps(run);
    String moveToCarla = "{\"variables\": {\"site\": {\"value\": \"" + CARLA + "\"},"
        + " \"siteWorks\": {\"value\": false}}}";

    for (String way : List.of("complete", "submit-form", "resolve")) {
      assertRefusedNamingSite(tester.postJson(REST + "task/" + signOff + "/" + way, moveToCarla));
    }
    TasklistSession tasklist = TasklistSession.signIn(port, "ria_tester", "ria_tester");
    for (String way : List.of("complete", "submit-form", "resolve")) {
      assertRefusedNamingSite(tasklist.post("task/" + signOff + "/" + way, moveToCarla));
    }
    // A candidate may work on the task (TASK_WORK), not set the run's variables through it or directly.
    assertThat(tester.postJson(REST + "task/" + signOff + "/variables",
        "{\"modifications\": {\"site\": {\"value\": \"" + CARLA + "\"}}}").statusCode()).isEqualTo(403);
    assertThat(tester.postJson(REST + "process-instance/" + run + "/variables",
        "{\"modifications\": {\"site\": {\"value\": \"" + CARLA + "\"}}}").statusCode()).isEqualTo(403);

    // Nothing changed: the sign-off waits as before, nothing was decided, no step ran anywhere.
    assertThat(awaitTask(run, Elements.SIGN_OFF, 1)).containsExactly(signOff);
    JsonNode variables = Http.json(operator.get(REST + "process-instance/" + run + "/variables"));
    assertThat(variables.path("site").path("value").asText()).isEqualTo(ANNA);
    assertThat(variables.has("siteWorks")).isFalse();
    assertThat(Http.json(operator.get("/api/runs/" + run)).get("run").get("decisions")).isEmpty();
    assertThat(steps(run)).isEqualTo(stepsBefore);
    assertThat(stepsOn(CARLA)).isZero();

    // Operators may set variables, even the copies of site and dryRun, and Tasklist still works for the
    // tester: the roll-back the refusal triggers runs on anna, for real, and never on carla.
    assertThat(operator.postJson(REST + "process-instance/" + run + "/variables", "{\"modifications\": {"
        + "\"site\": {\"value\": \"" + CARLA + "\"}, \"dryRun\": {\"value\": true, \"type\": \"Boolean\"}}}")
        .statusCode()).isEqualTo(204);
    assertThat(operator.postJson(REST + "task/" + signOff + "/variables",
        "{\"modifications\": {\"site\": {\"value\": \"" + CARLA + "\"}}}").statusCode()).isEqualTo(204);
    assertThat(tasklist.get("task/" + signOff + "/form-variables").statusCode()).isEqualTo(200);
    assertThat(tasklist.post("task/" + signOff + "/claim", "{\"userId\": \"ria_tester\"}").statusCode()).isEqualTo(204);
    HttpResponse<String> decided = tasklist.post("task/" + signOff + "/submit-form",
        "{\"variables\": {\"siteWorks\": {\"value\": false}, \"comment\": {\"value\": \"the calendar is gone\"}}}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);

    assertThat(awaitOutcome(run)).isEqualTo("ROLLED_BACK");
    List<Map<String, Object>> rollBack = steps(run).subList(stepsBefore.size(), steps(run).size());
    assertThat(rollBack).extracting(step -> step.get("step"))
        .contains("restore-code", "restore-database");
    assertThat(rollBack).allSatisfy(step -> {
      assertThat(step.get("site")).isEqualTo(ANNA);
      assertThat(step.get("status")).isNotEqualTo("RENDERED");
    });
    assertThat(stepsOn(CARLA)).isZero();
  }

  @Test
  void aDryRunStaysDryAndOnItsSiteWhateverVariablesAndModificationsSay() {
    String run = start(DRY, true);
    awaitTask(run, Elements.REVIEW_DRY_RUN, 1);

    String realOnCarla = "{\"site\": {\"value\": \"" + CARLA + "\"},"
        + " \"dryRun\": {\"value\": false, \"type\": \"Boolean\"}}";
    assertThat(operator.postJson(REST + "process-instance/" + run + "/variables",
        "{\"modifications\": " + realOnCarla + "}").statusCode()).isEqualTo(204);
    HttpResponse<String> modified = operator.postJson(REST + "process-instance/" + run + "/modification",
        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"" + Elements.STOP_SERVICES
            + "\", \"variables\": " + realOnCarla + "}]}");
    assertThat(modified.statusCode()).as(modified.body()).isEqualTo(204);

    // The upgrade ran once more from Stop services, and again only rendered its commands, on its own site.
    awaitTask(run, Elements.REVIEW_DRY_RUN, 2);
    assertThat(steps(run)).isNotEmpty().allSatisfy(step -> {
      assertThat(step.get("site")).isEqualTo(DRY);
      assertThat(step.get("status")).isEqualTo("RENDERED");
    });
    assertThat(steps(run).stream().filter(step -> step.get("step").equals("stop-services")).count()).isEqualTo(2);
    assertThat(stepsOn(CARLA)).isZero();
    runtime.deleteProcessInstance(run, "test done");
  }

  @Test
  void aTextDryRunFromTasklistsStartFormIsRefusedWith400AndNothingStarts() {
    TasklistSession tasklist = TasklistSession.signIn(port, "operator", "operator");
    long runsBefore = runtime.createProcessInstanceQuery().processDefinitionKey(ProductionUpgradeProcess.KEY).count();
    long stepsBefore = stepsOn(ANNA);

    HttpResponse<String> refused = tasklist.post("process-definition/key/" + ProductionUpgradeProcess.KEY
        + "/submit-form", "{\"variables\": {\"site\": {\"value\": \"" + ANNA + "\"}, \"dryRun\": {\"value\": \"true\"}}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(Http.json(refused).get("message").asText()).contains("dryRun");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProductionUpgradeProcess.KEY).count())
        .isEqualTo(runsBefore);
    assertThat(stepsOn(ANNA)).isEqualTo(stepsBefore);
  }

  private String start(String site, boolean dryRun) {
    HttpResponse<String> started = operator.postJson(REST + "process-definition/key/" + ProductionUpgradeProcess.KEY
        + "/start", "{\"variables\": {\"site\": {\"value\": \"" + site + "\"}, \"dryRun\": {\"value\": " + dryRun
        + ", \"type\": \"Boolean\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return Http.json(started).get("id").asText();
  }

  /** The ids of the run's open tasks {@code key}, once there are {@code count} (the tester sees them as candidate). */
  private List<String> awaitTask(String run, String key, int count) {
    Http asWhom = key.equals(Elements.SIGN_OFF) ? tester : operator;
    String query = REST + "task?processInstanceId=" + run + "&taskDefinitionKey=" + key;
    await().atMost(PATIENCE).until(() -> Http.json(asWhom.get(query)).size() == count);
    JsonNode tasks = Http.json(asWhom.get(query));
    return java.util.stream.StreamSupport.stream(tasks.spliterator(), false).map(t -> t.get("id").asText()).toList();
  }

  private String awaitOutcome(String run) {
    await().atMost(PATIENCE).until(() -> Http.json(operator.get("/api/runs/" + run)).get("run").path("outcome")
        .isTextual());
    return Http.json(operator.get("/api/runs/" + run)).get("run").get("outcome").asText();
  }

  private List<Map<String, Object>> steps(String run) {
    return jdbc.queryForList("select step, site, status from step_run where process_instance_id = ? order by id", run);
  }

  private long stepsOn(String site) {
    Long count = jdbc.queryForObject("select count(*) from step_run where site = ?", Long.class, site);
    return count == null ? 0 : count;
  }

  private static void assertRefusedNamingSite(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(Http.json(response).get("message").asText()).contains("does not take the variable 'site'")
        .contains("only siteWorks, comment").contains("Nothing was changed");
  }
}

package org.linoconductor.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorApplication;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.preview.NightlySyncProcess;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two Conductor nodes on one PostgreSQL, as two application contexts with engines of their own, job
 * executors and step workers on: both serve the REST API, a run started on one is decided on the
 * other, a site's lock holds across them, and a timer fires once, on one of them.
 */
class TwoNodesOnPostgresTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  private static EmbeddedPostgres postgres;
  private static ConfigurableApplicationContext nodeA;
  private static ConfigurableApplicationContext nodeB;

  @BeforeAll
  static void twoNodes() throws Exception {
    postgres = EmbeddedPostgres.start();
    // one after the other: the first creates the schemas, the second finds them
    nodeA = node("a");
    nodeB = node("b");
    ConductorAuthorizations authorizations = nodeA.getBean(ConductorAuthorizations.class);
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
  }

  @AfterAll
  static void stop() throws Exception {
    for (var node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
      if (node != null) {
        node.close();
      }
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private static ConfigurableApplicationContext node(String name) {
    return new SpringApplicationBuilder(ConductorApplication.class).profiles("postgres").run(
        "--POSTGRES_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
        "--POSTGRES_USER=postgres",
        "--POSTGRES_PASSWORD=postgres",
        "--server.port=0",
        // Camunda keeps engines in a static registry by name, and its web applications static state.
        "--camunda.bpm.process-engine-name=node" + name,
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.job-execution.enabled=true",
        "--conductor.steps.node=node-" + name,
        "--conductor.steps.lock-duration=6s",
        "--conductor.steps.log-dir=target/two-nodes/" + name,
        // nightly-sync every 5 seconds: each firing must start one run, on one node
        "--conductor.preview.nightly-cron=0/5 * * * * ?",
        "--conductor.preview.upgrades-log=target/two-nodes/upgrades.log",
        "--spring.main.banner-mode=off");
  }

  /**
   * Camunda's REST API of a node's engine. Two nodes in one JVM need engines of different names, so
   * the path names it; two real nodes both call theirs "default" and are reached at /engine-rest.
   */
  private static String rest(String node) {
    return "/engine-rest/engine/node" + node;
  }

  private static Http operatorOn(ConfigurableApplicationContext node) {
    int port = ((WebServerApplicationContext) node).getWebServer().getPort();
    return Http.as(port, "operator", "operator");
  }

  @Test
  void aRunStartedOnOneNodeIsDecidedOnTheOtherAndItsSiteIsLockedOnBoth() {
    SiteRegistry registry = nodeA.getBean(SiteRegistry.class);
    SimulatedSite site = TestLino.productionSite(registry, "nodes_anna");
    site.enable(Scenario.EMPTY_SNAPSHOT, "");
    HttpResponse<String> started = operatorOn(nodeA).postJson(rest("a") + "/process-definition/key/"
        + SiteSnapshotProcess.KEY + "/start", "{\"variables\":{\"site\":{\"value\":\"nodes_anna\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String run = Http.json(started).get("id").asText();
    TaskService tasksOnB = nodeB.getBean(TaskService.class);
    await().atMost(PATIENCE).until(() -> tasksOnB.createTaskQuery().processInstanceId(run).count() == 1);

    // The site is the run's while it waits at the decision: a second run is refused on the other node.
    HttpResponse<String> second = operatorOn(nodeB).postJson(rest("b") + "/process-definition/key/"
        + SiteSnapshotProcess.KEY + "/start", "{\"variables\":{\"site\":{\"value\":\"nodes_anna\"}}}");
    assertThat(second.statusCode()).as(second.body()).isBetween(400, 499);
    assertThat(second.body()).contains("nodes_anna");

    site.disable(Scenario.EMPTY_SNAPSHOT);
    Task decision = tasksOnB.createTaskQuery().processInstanceId(run).singleResult();
    HttpResponse<String> decided = operatorOn(nodeB).postJson(rest("b") + "/task/" + decision.getId() + "/complete",
        "{\"variables\": {\"" + StepVariables.ACTION + "\": {\"value\": \"retry\"}, \"" + StepVariables.COMMENT
            + "\": {\"value\": \"decided on node b\"}}}");
    assertThat(decided.statusCode()).as(decided.body()).isEqualTo(204);

    RuntimeService runtimeOnA = nodeA.getBean(RuntimeService.class);
    await().atMost(PATIENCE).until(() -> runtimeOnA.createProcessInstanceQuery().processInstanceId(run).count() == 0);
    List<StepRun> steps = nodeA.getBean(StepRunRepository.class).ofRun(run);
    assertThat(steps).extracting(StepRun::status).containsExactly(StepRun.Status.SUCCEEDED,
        StepRun.Status.FAILED, StepRun.Status.SUCCEEDED, StepRun.Status.SUCCEEDED);
    assertThat(steps).extracting(StepRun::node).allMatch(node -> node.equals("node-a") || node.equals("node-b"));
  }

  @Test
  void eachFiringOfTheNightlyTimerStartsOneRunOnOneNode() {
    HistoryService history = nodeA.getBean(HistoryService.class);
    ManagementService jobs = nodeB.getBean(ManagementService.class);
    assertThat(jobs.createJobQuery().timers().processDefinitionKey(NightlySyncProcess.KEY).count())
        .as("one timer job for both nodes").isOne();

    await().atMost(PATIENCE).until(() -> history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NightlySyncProcess.KEY).count() >= 3);
    jobs.suspendJobDefinitionByProcessDefinitionKey(NightlySyncProcess.KEY); // no firing between the counts

    // Both job executors try every due timer; a firing that both take is done once (the other's
    // transaction fails and starts nothing): as many runs as successful firings, on either node.
    long firings = history.createHistoricJobLogQuery().processDefinitionKey(NightlySyncProcess.KEY)
        .jobDefinitionType("timer-start-event").successLog().count();
    List<HistoricProcessInstance> runs = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(NightlySyncProcess.KEY).list();
    assertThat(runs).hasSize((int) firings);
  }
}

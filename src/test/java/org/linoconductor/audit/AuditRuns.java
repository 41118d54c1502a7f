package org.linoconductor.audit;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.linoconductor.snapshot.SiteSnapshotProcess;

/**
 * The runs the audit tests read, made once per test JVM over the REST API by the real worker
 * against simulated sites: on {@value #OWN} (tested by {@value #TESTER}) one retried after a
 * failed check and one cancelled after a failed script; on {@value #OTHER} one that succeeded and
 * moved the site's state.
 */
record AuditRuns(String retried, String succeeded, String cancelled) {

  static final String OWN = "audit_own";
  static final String OTHER = "audit_other";
  static final String TESTER = "audit_tester";
  static final String COMMENT = "Snapshot was empty, disk freed, retrying";
  static final String CANCEL_REASON = "stopped, \"by hand\"";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private static AuditRuns made;

  static synchronized AuditRuns make(int port, SiteRegistry registry, ConductorAuthorizations authorizations,
      RuntimeService runtime, TaskService tasks) {
    if (made != null) {
      return made;
    }
    authorizations.ensureOperatorsGroup();
    authorizations.ensureTestersOf(OWN);
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser(TESTER, TESTER, ConductorGroups.testersOf(OWN));
    SimulatedSite own = TestLino.productionSite(registry, OWN);
    TestLino.productionSite(registry, OTHER);
    Http operator = Http.as(port, "operator", "operator");

    own.enable(Scenario.EMPTY_SNAPSHOT, "");
    String retried = start(operator, OWN);
    Task check = awaitDecision(tasks, retried);
    own.disable(Scenario.EMPTY_SNAPSHOT);
    var completed = operator.postJson("/engine-rest/task/" + check.getId() + "/complete",
        "{\"variables\":{\"action\":{\"value\":\"retry\"},\"comment\":{\"value\":\"" + COMMENT + "\"}}}");
    if (completed.statusCode() != 204) {
      throw new IllegalStateException("completing the decision failed: " + completed.body());
    }
    awaitEnd(runtime, retried);

    String succeeded = start(operator, OTHER);
    awaitEnd(runtime, succeeded);
    registry.changeState(OTHER, SiteState.OLD, "operator", succeeded);
    registry.changeState(OTHER, SiteState.PRODUCTION, "operator", succeeded);

    own.enable(Scenario.TRACEBACK, "dump2py");
    String cancelled = start(operator, OWN);
    awaitDecision(tasks, cancelled);
    own.disable(Scenario.TRACEBACK);
    runtime.deleteProcessInstance(cancelled, CANCEL_REASON);

    made = new AuditRuns(retried, succeeded, cancelled);
    return made;
  }

  static String start(Http operator, String site) {
    var response = operator.postJson("/engine-rest/process-definition/key/" + SiteSnapshotProcess.KEY + "/start",
        "{\"variables\":{\"site\":{\"value\":\"" + site + "\"}}}");
    if (response.statusCode() != 200) {
      throw new IllegalStateException("start on " + site + " failed: " + response.body());
    }
    return Http.json(response).get("id").asText();
  }

  static void awaitEnd(RuntimeService runtime, String run) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);
  }

  private static Task awaitDecision(TaskService tasks, String run) {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run)
        .taskDefinitionKey(SiteSnapshotProcess.Elements.DECIDE_ON_FAILED_SNAPSHOT).count() == 1);
    return tasks.createTaskQuery().processInstanceId(run).singleResult();
  }
}

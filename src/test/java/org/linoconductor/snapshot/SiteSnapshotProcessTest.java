package org.linoconductor.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The site-snapshot process, run by the real worker against simulated Lino sites. */
@ConductorWebTest
class SiteSnapshotProcessTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository stepRuns;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired AuditTrail audit;
  @Autowired GoodSnapshots goodSnapshots;

  @BeforeEach
  void operatorExists() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
  }

  @Test
  void aSnapshotStartedOverRestEndsWithAFreshValidZipAndAStepRecordPerStep() throws Exception {
    SimulatedSite site = TestLino.productionSite(registry, "snap_rest");
    Instant before = Instant.now();

    var response = Http.as(port, "operator", "operator").postJson(
        "/engine-rest/process-definition/key/" + SiteSnapshotProcess.KEY + "/start",
        "{\"variables\":{\"site\":{\"value\":\"snap_rest\"}}}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    String id = Http.json(response).get("id").asText();

    awaitEndedAt(id, SiteSnapshotProcess.Elements.SNAPSHOT_MADE);
    Path zip = site.dir().resolve("snapshot.zip");
    assertThat(SnapshotZip.problemWith(zip, before)).isEmpty();
    List<StepRun> records = stepRuns.ofRun(id);
    assertThat(records).extracting(StepRun::step, StepRun::status).containsExactly(
        tuple(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT, StepRun.Status.SUCCEEDED),
        tuple(SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT, StepRun.Status.SUCCEEDED));
    StepRun make = records.get(0);
    assertThat(make.command()).isEqualTo(site.dir().resolve("make_snapshot.sh").toString());
    assertThat(make.exitStatus()).isZero();
    assertThat(make.tail()).contains("Writing snapshot.zip...");
    assertThat(Path.of(make.logPath())).exists();
    assertThat(make.node()).isNotBlank();
    assertThat(make.finishedAt()).isAfterOrEqualTo(make.startedAt());
    assertThat(audit.run(id)).hasValueSatisfying(record -> {
      assertThat(record.startedBy()).isEqualTo("operator");
      assertThat(record.site()).isEqualTo("snap_rest");
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(record.endActivity()).isEqualTo(SiteSnapshotProcess.Elements.SNAPSHOT_MADE);
    });
  }

  @Test
  void anEmptySnapshotStopsAtTheDecisionAndARetryAfterTheFixSucceeds() {
    SimulatedSite site = TestLino.productionSite(registry, "snap_retry");
    site.enable(Scenario.EMPTY_SNAPSHOT, "");
    ProcessInstance run = start("snap_retry", false);

    Task decision = awaitDecision(run);
    Map<String, Object> variables = runtime.getVariables(run.getId());
    assertThat((String) variables.get(StepVariables.FAILURE_MESSAGE))
        .contains("verify-snapshot").contains("snap_retry").contains("is empty");
    assertThat(variables.get(StepVariables.FAILED_STEP)).isEqualTo(SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT);

    site.disable(Scenario.EMPTY_SNAPSHOT);
    tasks.complete(decision.getId(), Map.of(StepVariables.ACTION, "retry", StepVariables.COMMENT, "fixed"));

    awaitEndedAt(run.getId(), SiteSnapshotProcess.Elements.SNAPSHOT_MADE);
    assertThat(stepRuns.ofRun(run.getId())).extracting(StepRun::status).containsExactly(
        StepRun.Status.SUCCEEDED, StepRun.Status.FAILED, StepRun.Status.SUCCEEDED, StepRun.Status.SUCCEEDED);
  }

  @Test
  void aFailingScriptShowsItsExitStatusAndLogTailAndAbortFreesTheSite() {
    SimulatedSite site = TestLino.productionSite(registry, "snap_abort");
    site.enable(Scenario.TRACEBACK, "dump2py");
    ProcessInstance run = start("snap_abort", false);

    Task decision = awaitDecision(run);
    Map<String, Object> variables = runtime.getVariables(run.getId());
    assertThat(variables.get(StepVariables.FAILED_STEP)).isEqualTo(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT);
    assertThat((Integer) variables.get(StepVariables.FAILURE_EXIT_STATUS)).isNotZero();
    assertThat((String) variables.get(StepVariables.FAILURE_LOG_TAIL)).contains("Traceback");
    assertThat(Path.of((String) variables.get(StepVariables.FAILURE_LOG_PATH))).exists();

    assertThatThrownBy(() -> start("snap_abort", false)).hasMessageContaining("Site snap_abort is busy")
        .hasMessageContaining(run.getId());

    tasks.complete(decision.getId(), Map.of(StepVariables.ACTION, "abort", StepVariables.COMMENT, "dump2py broken"));
    awaitEndedAt(run.getId(), SiteSnapshotProcess.Elements.SNAPSHOT_ABANDONED);
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.ABORTED);
      assertThat(record.decisions()).singleElement().satisfies(d -> {
        assertThat(d.taskKey()).isEqualTo(SiteSnapshotProcess.Elements.DECIDE_ON_FAILED_SNAPSHOT);
        assertThat(d.choice()).isEqualTo("action=abort");
        assertThat(d.comment()).isEqualTo("dump2py broken");
        assertThat(d.decidedAt()).isNotNull();
      });
    });
    site.disable(Scenario.TRACEBACK);
    ProcessInstance next = start("snap_abort", false);
    awaitEndedAt(next.getId(), SiteSnapshotProcess.Elements.SNAPSHOT_MADE);
  }

  @Test
  void aDryRunRecordsTheExactCommandAndExecutesNothing() {
    SimulatedSite site = TestLino.productionSite(registry, "snap_dry");
    Path zip = site.dir().resolve("snapshot.zip");
    boolean existed = Files.exists(zip);

    ProcessInstance run = start("snap_dry", true);

    awaitEndedAt(run.getId(), SiteSnapshotProcess.Elements.SNAPSHOT_MADE);
    assertThat(Files.exists(zip)).isEqualTo(existed);
    assertThat(stepRuns.ofRun(run.getId())).extracting(StepRun::status, StepRun::command).containsExactly(
        tuple(StepRun.Status.RENDERED, site.dir().resolve("make_snapshot.sh").toString()),
        tuple(StepRun.Status.RENDERED, null));
  }

  @Test
  void aSnapshotMuchSmallerThanTheLastGoodOneIsSuspectUnlessAccepted() {
    TestLino.productionSite(registry, "snap_small");
    goodSnapshots.record("snap_small", "an-earlier-run", "snapshot.zip", 50_000_000);
    ProcessInstance run = start("snap_small", false);

    Task decision = awaitDecision(run);
    assertThat((String) runtime.getVariable(run.getId(), StepVariables.FAILURE_MESSAGE))
        .contains("less than half of the last good snapshot").contains("50000000 bytes")
        .contains(SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT);
    tasks.complete(decision.getId(), Map.of(StepVariables.ACTION, "abort"));
    awaitEndedAt(run.getId(), SiteSnapshotProcess.Elements.SNAPSHOT_ABANDONED);

    ProcessInstance accepted = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY, Map.of(
        StepVariables.SITE, "snap_small", SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT, true));
    awaitEndedAt(accepted.getId(), SiteSnapshotProcess.Elements.SNAPSHOT_MADE);
    assertThat(goodSnapshots.last("snap_small")).hasValueSatisfying(last ->
        assertThat(last.run()).isEqualTo(accepted.getId()));
  }

  @Test
  void anUnknownSiteIsRefusedAtTheStartWithAClearMessage() {
    assertThatThrownBy(() -> start("nobody_here", false)).hasMessageContaining("Unknown site 'nobody_here'");
  }

  private ProcessInstance start(String site, boolean dryRun) {
    return runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, site, StepVariables.DRY_RUN, dryRun));
  }

  private Task awaitDecision(ProcessInstance run) {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run.getId())
        .taskDefinitionKey(SiteSnapshotProcess.Elements.DECIDE_ON_FAILED_SNAPSHOT).count() == 1);
    return tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
  }

  private void awaitEndedAt(String processInstanceId, String endEvent) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery()
        .processInstanceId(processInstanceId).count() == 0);
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list())
        .extracting(HistoricActivityInstance::getActivityId).contains(endEvent);
  }
}

package org.linoconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.AgentUsers;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.archive.ArchiveSiteProcess;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.rollback.CopyRecords;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.shell.CommonsExecShellRunner;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.shell.ShellCommand;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.sim.SiteProcess;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.LiveLogs;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepServer;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.CodeStateRepository;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The server and a step agent (an application context of its own) over real HTTP. */
@ConductorWebTest
class StepAgentTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository stepRuns;
  @Autowired AuditTrail audit;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired ExternalTaskService externalTasks;
  @Autowired CodeStateRepository codeStates;
  @Autowired CopyRecords copies;
  @Autowired LiveLogs liveLogs;
  @TempDir Path dir;

  private Http operator;

  @BeforeEach
  void usersExist() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    // a host per test: an agent counts as connected for a while after it stopped
    for (String host : new String[] {"t1", "t2", "t3", "t4", "t5", "t6"}) {
      AgentUsers.ensure(authorizations, "agent_" + host, host);
    }
    operator = Http.as(port, "operator", "operator");
  }

  @Test
  void aSnapshotOfASiteOnTheAgentsHostWaitsForTheAgentThenTheAgentRunsItsStepsToSuccess() {
    SimulatedSite site = TestLino.productionSiteOn(registry, "agent_dora", "t1");
    String id = startSnapshot("agent_dora");
    assertThat(Http.json(operator.get("/api/runs/" + id)).get("waiting").asText())
        .startsWith("waiting for the agent on host t1");
    assertThat(Http.json(operator.get("/engine-rest/process-instance/" + id + "/variables/"
        + StepVariables.WAITING_FOR)).get("value").asText()).as("in Cockpit's variables")
        .startsWith("waiting for the agent on host t1");

    try (var agent = StepAgents.start(port, "t1", "agent_t1", "agent_t1", "agent-t1")) {
      await().atMost(PATIENCE).until(() -> audit.run(id).map(run -> run.outcome() == RunOutcome.SUCCEEDED)
          .orElse(false));
      assertThat(Http.json(operator.get("/api/runs/" + id)).get("waiting").isNull()).isTrue();
    }

    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName(StepVariables.WAITING_FOR).includeDeleted().singleResult().getState()).as("removed when the agent started")
        .isEqualTo("DELETED");
    List<StepRun> records = stepRuns.ofRun(id);
    assertThat(records).extracting(StepRun::step).containsExactly(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT,
        SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT);
    assertThat(records).allSatisfy(record -> {
      assertThat(record.node()).isEqualTo("agent-t1");
      assertThat(record.status()).isEqualTo(StepRun.Status.SUCCEEDED);
      assertThat(record.reportState()).isEqualTo(StepRun.ReportState.REPORTED);
    });
    StepRun make = records.get(0);
    assertThat(make.command()).isEqualTo(site.dir().resolve("make_snapshot.sh").toString());
    assertThat(make.exitStatus()).isZero();
    assertThat(make.tail()).contains("Writing snapshot.zip...");
    assertThat(make.session()).isNotNull();
    assertThat(Path.of(make.logPath())).startsWith(Path.of("target/agent-logs/agent-t1")).exists();
    assertThat(site.dir().resolve("snapshot.zip")).exists();
  }

  /** The full log stays on the agent's host; its last lines reach the run page while the step runs. */
  @Test
  void theLogOfAStepRunningOnTheAgentIsSeenLiveOnTheServerAndNeverOpenedThereFromTheAgentsPath() {
    SimulatedSite site = TestLino.productionSiteOn(registry, "agent_hanna", "t5");
    site.enable(Scenario.HANG, "dump2py 8");
    try (var agent = StepAgents.start(port, "t5", "agent_t5", "agent_t5", "agent-t5")) {
      String id = startSnapshot(site.name());
      await().atMost(PATIENCE).until(() -> stepRuns.ofRun(id).stream()
          .anyMatch(step -> step.status() == StepRun.Status.RUNNING));
      long step = stepRuns.ofRun(id).get(0).id();
      String tail = "/api/runs/" + id + "/steps/" + step + "/tail";
      AtomicReference<JsonNode> first = new AtomicReference<>();
      await().atMost(PATIENCE).until(() -> {
        first.set(Http.json(operator.get(tail)));
        return !first.get().get("text").asText().isEmpty();
      });
      assertThat(first.get().get("running").asBoolean()).isTrue();
      assertThat(first.get().get("log").asText()).isEqualTo(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT + "-1.log");
      long next = first.get().get("next").asLong();
      AtomicReference<JsonNode> more = new AtomicReference<>();
      await().atMost(PATIENCE).until(() -> {
        more.set(Http.json(operator.get(tail + "?from=" + next)));
        return !more.get().get("text").asText().isEmpty() || !more.get().get("running").asBoolean();
      });
      assertThat(more.get().get("from").asLong()).as("the lines after those seen, not again").isEqualTo(next);
      assertThat(more.get().get("text").asText()).isNotEmpty();

      await().atMost(PATIENCE).until(() -> audit.run(id).map(run -> run.outcome() == RunOutcome.SUCCEEDED)
          .orElse(false));
      assertThat(liveLogs.of(step)).as("gone with the step's end").isEmpty();
      StepRun ended = stepRuns.ofRun(id).get(0);
      assertThat(Path.of(ended.logPath())).as("on the agent's host").exists();
      assertThat(operator.get("/api/runs/" + id + "/steps/" + step + "/log").statusCode())
          .as("the server does not open a path an agent reported").isEqualTo(404);
      assertThat(Http.json(operator.get(tail)).get("text").asText()).isEmpty();
      assertThat(ended.tail()).isNotBlank();
      assertThat(operator.get("/runs/" + id).body()).contains("Full log on <code>agent-t5</code>: <code>"
          + ended.logPath() + "</code>");
    } finally {
      site.disable(Scenario.HANG);
    }
  }

  /** Nothing twice, on an agent too: a result refused while the run was suspended waits for the run, not the agent. */
  @Test
  void aResultRefusedWhileTheRunWasSuspendedIsReportedWhenItIsActivatedEvenWithoutTheAgent() {
    SimulatedSite site = TestLino.productionSiteOn(registry, "agent_ida", "t6");
    site.enable(Scenario.HANG, "dump2py 3");
    String id;
    try (var agent = StepAgents.start(port, "t6", "agent_t6", "agent_t6", "agent-t6")) {
      id = startSnapshot(site.name());
      await().atMost(PATIENCE).until(() -> stepRuns.ofRun(id).stream()
          .anyMatch(step -> step.status() == StepRun.Status.RUNNING));
      runtime.suspendProcessInstanceById(id);
      await().atMost(PATIENCE).until(() -> stepRuns.ofRun(id).get(0).reportState() == StepRun.ReportState.PENDING);
    } finally {
      site.disable(Scenario.HANG);
    }
    assertThat(stepRuns.ofRun(id).get(0).reportNote()).contains("refused by the engine");

    runtime.activateProcessInstanceById(id);

    await().atMost(PATIENCE).until(() -> stepRuns.ofRun(id).get(0).reportState() == StepRun.ReportState.REPORTED);
    assertThat(stepRuns.ofRun(id)).as("the step was not run again").singleElement()
        .extracting(StepRun::status).isEqualTo(StepRun.Status.SUCCEEDED);
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(id).singleResult().getTopicName())
        .as("the run went on to its next step, which waits for the agent").isEqualTo(
            SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT);
    runtime.deleteProcessInstance(id, "test over");
  }

  @Test
  void anAgentStoppedInTheMiddleOfAStepSendsItToTheDecisionWhenItStartsAgainAndNeverRunsItTwice() throws Exception {
    SimulatedSite site = TestLino.productionSiteOn(registry, "agent_erna", "t2");
    String id = startSnapshot("agent_erna");
    // The agent as it was when it stopped: it had fetched the step, started it and its command.
    String taskId = fetchAs("agent_t2", "t2", "agent-t2-crashed");
    var properties = new AgentProperties("http://127.0.0.1:" + port, "t2", "agent_t2", "agent_t2",
        Duration.ofSeconds(5), Duration.ofSeconds(1));
    ServerConnection crashed = new ServerConnection(properties, "agent-t2-crashed", new ObjectMapper()
        .findAndRegisterModules());
    long record = crashed.start(taskId).map(StepServer.Assignment::record).orElseThrow();
    ProcessSession session = commandLeftRunning(crashed, record, id);
    assertThat(session.members()).isNotEmpty();

    try (var agent = StepAgents.start(port, "t2", "agent_t2", "agent_t2", "agent-t2-crashed")) {
      await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(id).count() == 1);
    }

    assertThat(session.members()).as("no process of the step remains").isEmpty();
    Task decision = tasks.createTaskQuery().processInstanceId(id).singleResult();
    assertThat(decision.getTaskDefinitionKey()).isEqualTo(SiteSnapshotProcess.Elements.DECIDE_ON_FAILED_SNAPSHOT);
    assertThat((String) runtime.getVariable(id, StepVariables.FAILURE_MESSAGE)).contains("was interrupted");
    assertThat((String) runtime.getVariable(id, StepVariables.FAILURE_LOG_TAIL)).contains("working");
    List<StepRun> records = stepRuns.ofRun(id);
    assertThat(records).as("the step is not run again").singleElement().satisfies(interrupted -> {
      assertThat(interrupted.status()).isEqualTo(StepRun.Status.INTERRUPTED);
      assertThat(interrupted.summary()).contains("session " + session.id(), "were still running and were ended");
    });
    assertThat(site.dir().resolve("snapshot.zip")).doesNotExist();
    runtime.deleteProcessInstance(id, "test over");
  }

  /**
   * Issue 14: every step of a production upgrade, the roll-back's copies and code states among them, runs on
   * the agent of the site's host; the server keeps their records; the sign-off answered no puts back data
   * and code there.
   */
  @Test
  void aProductionUpgradeOnTheAgentsHostRunsToTheSignOffAndItsRollBackBringsBackDataAndCode() {
    SimulatedLino lino = SimulatedLino.create(Path.of("target", "agent-lino-" + UUID.randomUUID()));
    SimulatedSite site = lino.withRoot("lino1").createSite("agent_gina");
    registry.register(new SiteRequest(site.name(), site.dir().getParent().toString(), site.name(),
        SiteState.PRODUCTION, DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, null,
        site.registeredServiceCommands(), false, "t4"), null, null);
    authorizations.ensureTestersOf(site.name());
    authorizations.ensureUser("gina_tester", "gina_tester", ConductorGroups.testersOf(site.name()));
    String versionBefore = site.version();
    String dataBefore = SiteProcess.output(site, List.of("sqlite3", "default.db", ".dump"));
    lino.publishRelease("21.9.1", true);

    var started = operator.postJson("/engine-rest/process-definition/key/" + ProductionUpgradeProcess.KEY
        + "/start", "{\"variables\":{\"site\":{\"value\":\"" + site.name() + "\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = Http.json(started).get("id").asText();
    try (var agent = StepAgents.start(port, "t4", "agent_t4", "agent_t4", "agent-t4")) {
      await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(id)
          .taskDefinitionKey(ProductionUpgradeProcess.Elements.SIGN_OFF).count() == 1
          || tasks.createTaskQuery().processInstanceId(id).count() == 1);
      Task signOff = tasks.createTaskQuery().processInstanceId(id).singleResult();
      assertThat(signOff.getTaskDefinitionKey()).as("steps: %s", stepRuns.ofRun(id))
          .isEqualTo(ProductionUpgradeProcess.Elements.SIGN_OFF);
      assertThat(site.version()).isEqualTo("21.9.1");
      assertThat(stepRuns.ofRun(id)).extracting(StepRun::step).startsWith(ProductionUpgradeProcess.Topics.PREFLIGHT,
          ProductionUpgradeProcess.Topics.COPY_ENV, ProductionUpgradeProcess.Topics.STOP_SERVICES)
          .contains(ProductionUpgradeProcess.Topics.COPY_DATABASE, ProductionUpgradeProcess.Topics.PULL_CODE,
          ProductionUpgradeProcess.Topics.RESTORE_SNAPSHOT, ProductionUpgradeProcess.Topics.CHECK_SITE);
      assertThat(codeStates.find(id, CodeStateRepository.Phase.BEFORE)).as("kept by the server").isPresent();
      assertThat(codeStates.find(id, CodeStateRepository.Phase.AFTER)).isPresent()
          .isNotEqualTo(codeStates.find(id, CodeStateRepository.Phase.BEFORE));
      assertThat(copies.ofRun(id)).extracting(CopyRecords.Copy::kind)
          .containsExactlyInAnyOrder(CopyRecords.Kind.DATABASE, CopyRecords.Kind.ENV);

      var answered = Http.as(port, "gina_tester", "gina_tester").postJson("/engine-rest/task/" + signOff.getId()
          + "/complete", "{\"variables\": {\"siteWorks\": {\"value\": false},"
          + " \"comment\": {\"value\": \"the invoices are gone\"}}}");
      assertThat(answered.statusCode()).as(answered.body()).isEqualTo(204);
      await().atMost(PATIENCE).until(() -> audit.run(id).map(run -> run.outcome() != null)
          .orElse(false));
    }

    assertThat(audit.run(id).orElseThrow().outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
    assertThat(SiteProcess.output(site, List.of("sqlite3", "default.db", ".dump"))).isEqualTo(dataBefore);
    assertThat(site.version()).isEqualTo(versionBefore);
    assertThat(copies.ofRun(id)).allSatisfy(copy -> assertThat(copy.restoredAt()).isNotNull());
    assertThat(stepRuns.ofRun(id)).allSatisfy(record -> assertThat(record.node()).isEqualTo("agent-t4"))
        .filteredOn(record -> record.step().equals(ProductionUpgradeProcess.Topics.RESTORE_CODE)).singleElement()
        .satisfies(record -> assertThat(record.summary()).contains("the code is the one recorded before pull.sh"));
  }

  @Test
  void aStepNoAgentRunsYetSaysSoWhileTheHostsAgentIsConnected() {
    SimulatedSite old = SimulatedLino.create(Path.of("target", "agent-lino-" + UUID.randomUUID())).withRoot("lino1")
        .createSite("agent_fanny");
    registry.register(new SiteRequest(old.name(), old.dir().getParent().toString(), old.name(), SiteState.OLD,
        DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, null, old.registeredServiceCommands(), false,
        "t3"), null, null);
    var started = operator.postJson("/engine-rest/process-definition/key/" + ArchiveSiteProcess.KEY
        + "/start", "{\"variables\":{\"site\":{\"value\":\"agent_fanny\"}, \"dryRun\":{\"value\":true}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = Http.json(started).get("id").asText();

    try (var agent = StepAgents.start(port, "t3", "agent_t3", "agent_t3", "agent-t3")) {
      await().atMost(PATIENCE).until(() -> Http.json(operator.get("/api/runs/" + id)).path("waiting").asText()
          .contains("does not run step " + ArchiveSiteProcess.Topics.ARCHIVE_SITE_DIRECTORY));
    }
    assertThat(stepRuns.ofRun(id)).isEmpty();
    runtime.deleteProcessInstance(id, "test over");
  }

  private String startSnapshot(String site) {
    var started = operator.postJson("/engine-rest/process-definition/key/" + SiteSnapshotProcess.KEY + "/start",
        "{\"variables\":{\"site\":{\"value\":\"" + site + "\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return Http.json(started).get("id").asText();
  }

  /** Fetches the run's first step as an agent would, over Camunda's REST API. */
  private String fetchAs(String user, String host, String worker) {
    Http agent = Http.as(port, user, user).with(AgentHosts.HEADER, host);
    AtomicReference<String> id = new AtomicReference<>();
    await().atMost(PATIENCE).until(() -> {
      var fetched = agent.postJson("/engine-rest/external-task/fetchAndLock", "{\"workerId\": \"" + worker
          + "\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \"" + SiteSnapshotProcess.Topics.MAKE_SNAPSHOT
          + "\", \"lockDuration\": 600000}]}");
      JsonNode tasks = Http.json(fetched);
      if (tasks.isArray() && !tasks.isEmpty()) {
        id.set(tasks.get(0).get("id").asText());
      }
      return id.get() != null;
    });
    return id.get();
  }

  /** A command of the step, as the stopped agent left it: running in its session, recorded by the server. */
  private ProcessSession commandLeftRunning(ServerConnection server, long record, String run) throws Exception {
    AtomicReference<ProcessSession> started = new AtomicReference<>();
    Path log = Path.of("target/agent-logs/agent-t2-crashed").resolve(run)
        .resolve("make-snapshot-1.log");
    Thread stopped = new Thread(() -> new CommonsExecShellRunner(ShellProperties.defaults()).run(
        ShellCommand.builder("agent_erna", "make-snapshot").argv("bash", "-c",
            "echo working; (trap '' TERM; exec sleep 300) & sleep 300").workingDirectory(dir)
            .timeout(Duration.ofMinutes(10)).logFile(log).build(),
        session -> {
          server.sessionStarted(record, session);
          started.set(session);
        }));
    stopped.setDaemon(true);
    stopped.start();
    await().atMost(PATIENCE).until(() -> started.get() != null && Files.exists(log)
        && Files.readString(log).contains("working"));
    return started.get();
  }
}

package org.linoconductor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.shell.CommonsExecShellRunner;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.shell.ShellCommand;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepServer;
import org.linoconductor.step.StepVariables;
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
  @TempDir Path dir;

  private Http operator;

  @BeforeEach
  void usersExist() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    // a host per test: an agent counts as connected for a while after it stopped
    for (String host : new String[] {"t1", "t2", "t3"}) {
      authorizations.ensureAgentsOf(host);
      authorizations.ensureUser("agent_" + host, "agent_" + host, ConductorGroups.AGENTS,
          ConductorGroups.agentsOf(host));
    }
    operator = Http.as(port, "operator", "operator");
  }

  @Test
  void aSnapshotOfASiteOnTheAgentsHostWaitsForTheAgentThenTheAgentRunsItsStepsToSuccess() {
    SimulatedSite site = TestLino.productionSiteOn(registry, "agent_dora", "t1");
    String id = startSnapshot("agent_dora");
    assertThat(Http.json(operator.get("/api/runs/" + id)).get("waiting").asText())
        .startsWith("waiting for the agent on host t1");

    try (var agent = StepAgents.start(port, "t1", "agent_t1", "agent_t1", "agent-t1")) {
      await().atMost(PATIENCE).until(() -> audit.run(id).map(run -> run.outcome() == RunOutcome.SUCCEEDED)
          .orElse(false));
      assertThat(Http.json(operator.get("/api/runs/" + id)).get("waiting").isNull()).isTrue();
    }

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

  @Test
  void anAgentStoppedInTheMiddleOfAStepSendsItToTheDecisionWhenItStartsAgainAndNeverRunsItTwice() throws Exception {
    SimulatedSite site = TestLino.productionSiteOn(registry, "agent_erna", "t2");
    String id = startSnapshot("agent_erna");
    // The agent as it was when it stopped: it had fetched the step, started it and its command.
    String taskId = fetchAs("agent_t2", "t2", "agent-t2-crashed");
    var properties = new AgentProperties("http://127.0.0.1:" + port, "t2", "agent_t2", "agent_t2",
        Duration.ofSeconds(5));
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

  @Test
  void aStepNoAgentRunsYetSaysSoWhileTheHostsAgentIsConnected() {
    TestLino.productionSiteOn(registry, "agent_fanny", "t3");
    var started = operator.postJson("/engine-rest/process-definition/key/" + ProductionUpgradeProcess.KEY
        + "/start", "{\"variables\":{\"site\":{\"value\":\"agent_fanny\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = Http.json(started).get("id").asText();

    try (var agent = StepAgents.start(port, "t3", "agent_t3", "agent_t3", "agent-t3")) {
      await().atMost(PATIENCE).until(() -> Http.json(operator.get("/api/runs/" + id)).path("waiting").asText()
          .contains("does not run step " + ProductionUpgradeProcess.Topics.PREFLIGHT));
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

package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.TestLino;
import org.linoconductor.shell.CommonsExecShellRunner;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.shell.ShellCommand;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The crash rule. The worker is off here, so the test plays the crashed worker: it locks a task,
 * leaves a RUNNING record behind and, in one case, a command still running in its session, as a
 * Conductor killed mid-step would. (ConductorCrashTest kills a real Conductor.)
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:conductor-recovery-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "conductor.steps.worker-enabled=false",
    "conductor.steps.node=conductor@test-node",
    "conductor.shell.kill-grace=500ms",
    // Camunda keeps engines in a static registry by name: the web tests' context must keep "default".
    "camunda.bpm.process-engine-name=recoveryTest"})
@ActiveProfiles("test")
class InterruptedStepRecoveryTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalTaskService externalTasks;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository records;
  @Autowired InterruptedStepRecovery recovery;
  @Autowired StepProperties properties;

  @TempDir Path dir;

  @Test
  void aStepLeftRunningByThisNodeIsEndedWithItsProcessesAndGoesToTheDecisionAtStartUp() throws Exception {
    SimulatedSite site = TestLino.productionSite(registry, "crash_here");
    ProcessInstance run = startSnapshot("crash_here");
    LockedExternalTask task = lock("conductor@test-node");
    long record = records.start(run.getId(), SiteSnapshotProcess.KEY, task.getActivityId(), task.getId(),
        "crash_here", task.getTopicName(), "conductor@test-node", Instant.now());
    ProcessSession session = commandLeftRunning(record,
        StepLogs.file(properties.logDir().resolve(run.getId()), task.getTopicName(), 1));
    assertThat(session.members()).isNotEmpty();

    recovery.reportInterruptedSteps();

    assertThat(session.members()).as("no process of the step remains").isEmpty();
    StepRun interrupted = assertWaitsAtTheDecision(run, record);
    assertThat(interrupted.summary()).contains("session " + session.id(), "were still running and were ended",
        "sleep");
    assertThat((String) runtime.getVariable(run.getId(), StepVariables.FAILURE_LOG_TAIL)).contains("working");
    assertThat(site.dir().resolve("snapshot.zip")).doesNotExist();
  }

  @Test
  void aTaskWhoseWorkerDiedElsewhereGoesToTheDecisionWhenFetchedAgain() {
    TestLino.productionSite(registry, "crash_there");
    ProcessInstance run = startSnapshot("crash_there");
    LockedExternalTask lost = lock("conductor@other-node");
    long record = records.start(run.getId(), SiteSnapshotProcess.KEY, lost.getActivityId(), lost.getId(),
        "crash_there", lost.getTopicName(), "conductor@other-node", Instant.now());
    externalTasks.unlock(lost.getId()); // the other node's lock has expired
    LockedExternalTask fetched = lock("conductor@test-node");

    recovery.resume(records.unfinishedFor(fetched.getId()).orElseThrow());

    StepRun interrupted = assertWaitsAtTheDecision(run, record);
    assertThat(interrupted.summary()).contains("No command of it was recorded as running");
  }

  private StepRun assertWaitsAtTheDecision(ProcessInstance run, long record) {
    StepRun interrupted = records.ofRun(run.getId()).stream().filter(r -> r.id() == record).findFirst().orElseThrow();
    assertThat(interrupted.status()).isEqualTo(StepRun.Status.INTERRUPTED);
    assertThat(interrupted.summary()).contains("was interrupted").contains("retry, roll back or abort");
    assertThat(interrupted.reportState()).isEqualTo(StepRun.ReportState.REPORTED);
    assertThat(runtime.createIncidentQuery().processInstanceId(run.getId()).count()).isZero();
    Task decision = tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
    assertThat(decision.getTaskDefinitionKey()).isEqualTo(SiteSnapshotProcess.Elements.DECIDE_ON_FAILED_SNAPSHOT);
    assertThat(runtime.getVariable(run.getId(), StepVariables.FAILED_STEP))
        .isEqualTo(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT);
    assertThat((String) runtime.getVariable(run.getId(), StepVariables.FAILURE_MESSAGE)).contains("was interrupted");
    return interrupted;
  }

  /** A command of the step, as the crashed worker left it: running in its session, recorded. */
  private ProcessSession commandLeftRunning(long record, Path log) throws Exception {
    AtomicReference<ProcessSession> started = new AtomicReference<>();
    Thread crashed = new Thread(() -> new CommonsExecShellRunner(ShellProperties.defaults()).run(
        ShellCommand.builder("crash_here", "make-snapshot").argv("bash", "-c",
            "echo working; (trap '' TERM; exec sleep 300) & sleep 300").workingDirectory(dir)
            .timeout(Duration.ofMinutes(10)).logFile(log).build(),
        session -> {
          records.sessionStarted(record, session);
          started.set(session);
        }));
    crashed.setDaemon(true);
    crashed.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while ((started.get() == null || !Files.exists(log) || !Files.readString(log).contains("working")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return started.get();
  }

  private ProcessInstance startSnapshot(String site) {
    return runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY, Map.of(StepVariables.SITE, site));
  }

  private LockedExternalTask lock(String worker) {
    var locked = externalTasks.fetchAndLock(1, worker)
        .topic(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT, 60_000).execute();
    assertThat(locked).hasSize(1);
    return locked.get(0);
  }
}

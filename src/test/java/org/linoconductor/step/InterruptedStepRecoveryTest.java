package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.linoconductor.TestLino;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The crash rule. The worker is off here, so the test plays the crashed worker: it locks a task
 * and leaves a RUNNING record behind, as a Conductor killed mid-step would.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:conductor-recovery-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "conductor.steps.worker-enabled=false",
    "conductor.steps.node=conductor@test-node",
    // Camunda keeps engines in a static registry by name: the web tests' context must keep "default".
    "camunda.bpm.process-engine-name=recoveryTest"})
@ActiveProfiles("test")
class InterruptedStepRecoveryTest {

  @Autowired RuntimeService runtime;
  @Autowired ExternalTaskService externalTasks;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository records;
  @Autowired InterruptedStepRecovery recovery;

  @Test
  void aStepLeftRunningByThisNodeBecomesAnIncidentAtStartUpAndIsNotRunAgain() {
    SimulatedSite site = TestLino.productionSite(registry, "crash_here");
    ProcessInstance run = startSnapshot("crash_here");
    LockedExternalTask task = lock("conductor@test-node");
    long record = records.start(run.getId(), SiteSnapshotProcess.KEY, task.getActivityId(), task.getId(),
        "crash_here", task.getTopicName(), "conductor@test-node", Instant.now());

    recovery.reportInterruptedSteps();

    assertInterrupted(run, record);
    assertThat(site.dir().resolve("snapshot.zip")).doesNotExist();
  }

  @Test
  void aTaskWhoseWorkerDiedElsewhereBecomesAnIncidentWhenFetchedAgain() {
    TestLino.productionSite(registry, "crash_there");
    ProcessInstance run = startSnapshot("crash_there");
    LockedExternalTask lost = lock("conductor@other-node");
    long record = records.start(run.getId(), SiteSnapshotProcess.KEY, lost.getActivityId(), lost.getId(),
        "crash_there", lost.getTopicName(), "conductor@other-node", Instant.now());
    externalTasks.unlock(lost.getId()); // the other node's lock has expired
    LockedExternalTask fetched = lock("conductor@test-node");

    assertThat(recovery.wasInterrupted(fetched)).isTrue();

    assertInterrupted(run, record);
  }

  private void assertInterrupted(ProcessInstance run, long record) {
    StepRun interrupted = records.ofRun(run.getId()).stream().filter(r -> r.id() == record).findFirst().orElseThrow();
    assertThat(interrupted.status()).isEqualTo(StepRun.Status.INTERRUPTED);
    assertThat(interrupted.summary()).contains("was interrupted").contains("set this task's retries in Cockpit");
    Incident incident = runtime.createIncidentQuery().processInstanceId(run.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getIncidentMessage()).contains("make-snapshot").contains("was interrupted");
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(run.getId()).singleResult().getRetries())
        .isZero();
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

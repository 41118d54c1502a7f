package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.TestLino;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing runs twice: a run suspended in Cockpit while a step runs refuses the step's result; the
 * result stays in the step's record, and once the run is active again (its task's lock long lapsed,
 * so that the worker fetches it anew) the recorded result is reported instead of running the step again.
 */
@ConductorWebTest
class SuspendedRunTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);

  @Autowired RuntimeService runtime;
  @Autowired ExternalTaskService externalTasks;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository records;

  @Test
  void aStepThatEndsWhileItsRunIsSuspendedIsNotRunAgainAndItsResultIsReportedOnceTheRunIsActive() {
    SimulatedSite site = TestLino.productionSite(registry, "suspend_me");
    site.enable(Scenario.HANG, "dump2py 2"); // make_snapshot.sh takes two seconds more
    String run = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY, Map.of(StepVariables.SITE,
        site.name())).getId();
    await().atMost(PATIENCE).until(() -> snapshots(run).stream().anyMatch(r -> r.status() == StepRun.Status.RUNNING));

    runtime.suspendProcessInstanceById(run);

    await().atMost(PATIENCE).until(() -> snapshots(run).get(0).reportNote() != null);
    StepRun refused = snapshots(run).get(0);
    assertThat(refused.status()).isEqualTo(StepRun.Status.SUCCEEDED);
    assertThat(refused.reportState()).isEqualTo(StepRun.ReportState.PENDING);
    assertThat(refused.reportNote()).contains("refused by the engine", "suspended", "not run again");
    // the heartbeat cannot renew a suspended task's lock: once lapsed, the task is anybody's to fetch
    await().atMost(PATIENCE).until(() -> externalTasks.createExternalTaskQuery().processInstanceId(run)
        .singleResult().getLockExpirationTime().before(new Date()));

    runtime.activateProcessInstanceById(run);

    await().atMost(PATIENCE).until(() -> history.createHistoricProcessInstanceQuery().processInstanceId(run)
        .completed().count() == 1);
    assertThat(snapshots(run)).as("make_snapshot.sh ran once").singleElement().satisfies(r -> {
      assertThat(r.reportState()).isEqualTo(StepRun.ReportState.REPORTED);
      assertThat(r.reportNote()).contains("refused by the engine", "; reported at");
    });
    assertThat(records.ofRun(run)).extracting(StepRun::step)
        .containsExactly(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT, SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT);
    site.disable(Scenario.HANG);
  }

  private List<StepRun> snapshots(String run) {
    return records.ofRun(run).stream().filter(r -> r.step().equals(SiteSnapshotProcess.Topics.MAKE_SNAPSHOT))
        .toList();
  }
}

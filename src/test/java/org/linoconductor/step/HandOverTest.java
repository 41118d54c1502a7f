package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.linoconductor.TestLino;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The hand-over from one step to the next does not wait: 20 site-snapshot runs in a row with the
 * worker's idle look pushed out to an hour, so that a step fetched by anything but the ring of its own
 * task would leave its run stuck; the thread of the first step runs the second. The gaps between the
 * two steps of each run are printed, not asserted:
 * a loaded machine makes them long, it does not make them wait for anything.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:conductor-handover-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "conductor.steps.log-dir=target/step-logs",
    "conductor.steps.idle-fetch-interval=1h",
    "camunda.bpm.process-engine-name=handOverTest"})
@ActiveProfiles("test")
class HandOverTest {

  private static final int RUNS = 20;

  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository records;
  @Autowired ExternalTaskWorker worker;

  @Test
  void twentySnapshotRunsInARowHandEachStepOverWithoutTheIdleLook() {
    TestLino.productionSite(registry, "handover");
    List<Long> gaps = new ArrayList<>();

    for (int i = 0; i < RUNS; i++) {
      String run = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY, Map.of(StepVariables.SITE, "handover"))
          .getId();
      await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
          .processInstanceId(run).completed().count() == 1);
      List<StepRun> steps = records.ofRun(run);
      assertThat(steps).extracting(StepRun::status).containsExactly(StepRun.Status.SUCCEEDED, StepRun.Status.SUCCEEDED);
      gaps.add(Duration.between(steps.get(0).finishedAt(), steps.get(1).startedAt()).toMillis());
    }

    assertThat(worker.statistics().startedAfterIdleLook.get()).isZero();
    assertThat(worker.statistics().putBack.get()).isZero();
    // the second step of each run is fetched by the thread whose first step's completion created it
    assertThat(worker.statistics().handedOverOnTheSameThread.get()).isEqualTo(RUNS);
    List<Long> sorted = gaps.stream().sorted().toList();
    System.out.printf("FIGURE hand-over between the two steps of %d site-snapshot runs: min %d ms, median %d ms,"
        + " max %d ms, %d of them over 50 ms; worker: %s%n", RUNS, sorted.get(0), sorted.get(RUNS / 2),
        sorted.get(RUNS - 1), gaps.stream().filter(g -> g > 50).count(), worker.statistics());
  }
}

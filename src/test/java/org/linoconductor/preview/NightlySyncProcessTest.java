package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.ProcessDriver;
import org.linoconductor.preview.NightlySyncProcess.Elements;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code nightly-sync} with the default limit of 2 concurrent syncs. The worker and the job executor
 * are off: the test fires the nightly timer and plays the worker for the runs it starts; the rounds
 * after the first come from {@link NightlyWakeUp} when a run ends or waits, as in production.
 */
@ConductorProcessTest
class NightlySyncProcessTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired ExternalTaskService externalTasks;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired NightlySyncResults results;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;
  private ProcessDriver driver;

  @BeforeEach
  void onlyThisTestsPreviewsAreNightly() {
    BpmnAwareTests.init(engine);
    // The limit counts every working preview-sync, and the night takes every nightly preview: this
    // test owns both in the shared process-test application.
    endRuns(NightlySyncProcess.KEY);
    endRuns(PreviewSyncProcess.KEY);
    jdbc.update("update preview_site set nightly_sync = false"); // each test registers its own nightly previews
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
  }

  @AfterEach
  void endTheRunsLeftWaiting() {
    endRuns(NightlySyncProcess.KEY);
    endRuns(PreviewSyncProcess.KEY);
    endRuns(SiteSnapshotProcess.KEY);
  }

  @Test
  void theTimerFollowsTheConfiguredCronEveryNightAtTwo() {
    Job timer = management.createJobQuery().processDefinitionKey(NightlySyncProcess.KEY).timers().singleResult();

    LocalDateTime now = LocalDateTime.now();
    LocalDateTime twoToday = LocalDate.now().atTime(LocalTime.of(2, 0));
    LocalDateTime expected = now.isBefore(twoToday) ? twoToday : twoToday.plusDays(1);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(expected.atZone(ZoneId.systemDefault()).toInstant()));
  }

  @Test
  void aSlotIsRefilledTheMomentASyncEndsOrWaitsAndAPreviewHeldByARunWaitingForADecisionIsSkipped() {
    for (String site : List.of("ngt_a", "ngt_b", "ngt_busy", "ngt_c", "ngt_d")) {
      PreviewTestSites.preview(registry, previews, site, site.replace("ngt_", "ngp_"), true);
    }
    PreviewTestSites.preview(registry, previews, "ngt_manual", "ngp_manual", false);
    // Last night's sync of ngt_busy failed and still waits for an operator: it holds the site.
    ProcessInstance lastNight = runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY,
        Map.of(StepVariables.SITE, "ngt_busy"));
    failFirstStep(lastNight.getId());

    String night = fireNightlyTimer();

    assertThat(running(night)).isWaitingAt(Elements.WAIT_FOR_SYNCS);
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result)
        .containsExactly(tuple("ngt_a", Result.STARTED), tuple("ngt_b", Result.STARTED),
            tuple("ngt_busy", Result.PENDING), tuple("ngt_c", Result.PENDING), tuple("ngt_d", Result.PENDING));

    // No timer fires in this test: the end of a's sync alone brings the next round.
    finish(syncRunOf(night, "ngt_a"));
    awaitResult(night, "ngt_c", Result.STARTED);
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result)
        .containsExactly(tuple("ngt_a", Result.SYNCED), tuple("ngt_b", Result.STARTED),
            tuple("ngt_busy", Result.SKIPPED), tuple("ngt_c", Result.STARTED), tuple("ngt_d", Result.PENDING));

    // b's sync fails and waits for an operator: its slot goes to d at once.
    failFirstStep(syncRunOf(night, "ngt_b"));
    awaitResult(night, "ngt_d", Result.STARTED);
    finish(syncRunOf(night, "ngt_c"));
    finish(syncRunOf(night, "ngt_d"));

    awaitEndedAfterReport(night);
    List<NightlySyncResult> record = results.ofRun(night);
    assertThat(record).extracting(NightlySyncResult::site, NightlySyncResult::result).containsExactly(
        tuple("ngt_a", Result.SYNCED), tuple("ngt_b", Result.FAILED), tuple("ngt_busy", Result.SKIPPED),
        tuple("ngt_c", Result.SYNCED), tuple("ngt_d", Result.SYNCED));
    assertThat(record.get(1).detail()).contains("waits at \"Decide on failed sync\"");
    assertThat(record.get(2).detail()).contains("Site ngt_busy is busy").contains(lastNight.getId())
        .contains(PreviewSyncProcess.KEY).contains("That run waits at \"Decide on failed sync\"");
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(night).list())
        .extracting(v -> v.getName(), v -> v.getValue()).contains(
            tuple(NightlySyncProcess.Variables.SYNCED, "ngt_a, ngt_c, ngt_d"),
            tuple(NightlySyncProcess.Variables.FAILED, "ngt_b"),
            tuple(NightlySyncProcess.Variables.SKIPPED, "ngt_busy"));
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(night)
        .activityId(Elements.MINUTE_PASSED).count()).as("rounds brought by the timer").isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(night)
        .activityId(Elements.RUN_CHANGED).count()).as("rounds brought by a run's end or wait")
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void twoPreviewsOfOneProductionSyncOneAfterTheOther() {
    PreviewTestSites.preview(registry, previews, "ngt_e", "ngp_ef", true);
    PreviewTestSites.preview(registry, previews, "ngt_f", "ngp_ef", true);

    String night = fireNightlyTimer();
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result,
        NightlySyncResult::detail).containsExactly(
            tuple("ngt_e", Result.STARTED, "run " + syncRunOf(night, "ngt_e") + " is working"),
            tuple("ngt_f", Result.PENDING, "waits for the sync of another preview of ngp_ef, started at the same"
                + " moment"));

    finish(syncRunOf(night, "ngt_e"));
    awaitResult(night, "ngt_f", Result.STARTED);
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result)
        .containsExactly(tuple("ngt_e", Result.SYNCED), tuple("ngt_f", Result.STARTED));

    finish(syncRunOf(night, "ngt_f"));
    awaitEndedAfterReport(night);
  }

  @Test
  void aPreviewWhoseProductionAnotherRunWorksOnWaitsForItsEndInsteadOfBeingSkipped() {
    PreviewTestSites.preview(registry, previews, "ngt_g", "ngp_g", true);
    ProcessInstance snapshot = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, "ngp_g"));

    String night = fireNightlyTimer();

    assertThat(results.ofRun(night)).singleElement().satisfies(result -> {
      assertThat(result.result()).isEqualTo(Result.PENDING);
      assertThat(result.detail()).isEqualTo("waits for run " + snapshot.getId() + ", which works on site ngp_g");
    });
    assertThat(running(night)).isWaitingAt(Elements.WAIT_FOR_SYNCS);

    finish(snapshot.getId());
    awaitResult(night, "ngt_g", Result.STARTED);
    finish(syncRunOf(night, "ngt_g"));
    awaitEndedAfterReport(night);
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::result).containsExactly(Result.SYNCED);
  }

  @Test
  void aPreviewWhoseProductionIsHeldByARunWaitingForADecisionIsSkippedWithTheHoldersMessage() {
    PreviewTestSites.preview(registry, previews, "ngt_h", "ngp_h", true);
    ProcessInstance snapshot = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, "ngp_h"));
    String night = fireNightlyTimer();
    awaitResult(night, "ngt_h", Result.PENDING);

    // While the night waits for it, the snapshot fails and waits for an operator: the preview is skipped.
    failFirstStep(snapshot.getId());

    awaitEndedAfterReport(night);
    assertThat(results.ofRun(night)).singleElement().satisfies(result -> {
      assertThat(result.result()).isEqualTo(Result.SKIPPED);
      assertThat(result.detail()).contains("Site ngp_h is busy").contains(snapshot.getId())
          .contains("That run waits at");
    });
  }

  @Test
  void theProductionWithTheMostSyncTimeLeftGoesFirst() {
    PreviewTestSites.preview(registry, previews, "ngt_a1", "ngp_a1", true);
    PreviewTestSites.preview(registry, previews, "ngt_m1", "ngp_m", true);
    PreviewTestSites.preview(registry, previews, "ngt_m2", "ngp_m", true);
    PreviewTestSites.preview(registry, previews, "ngt_slow", "ngp_slow", true);
    // Last syncs: ngt_slow took ten minutes, the others one. By name a1 would go first, by count ngp_m.
    recordLastSync("ngt_slow", Duration.ofMinutes(10));
    for (String site : List.of("ngt_a1", "ngt_m1", "ngt_m2")) {
      recordLastSync(site, Duration.ofMinutes(1));
    }

    String night = fireNightlyTimer();

    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result)
        .containsExactly(tuple("ngt_a1", Result.PENDING), tuple("ngt_m1", Result.STARTED),
            tuple("ngt_m2", Result.PENDING), tuple("ngt_slow", Result.STARTED));
  }

  @Test
  void aChangeWhoseMessageWasLostIsNoticedWhenTheMinuteHasPassed() {
    PreviewTestSites.preview(registry, previews, "ngt_lost", "ngp_lost", true);
    ProcessInstance snapshot = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, "ngp_lost"));
    String night = fireNightlyTimer();
    awaitResult(night, "ngt_lost", Result.PENDING);

    // As after a crash right after a commit: the production is free, and no message says so.
    jdbc.update("delete from site_lock where site = 'ngp_lost'");
    Job minute = management.createJobQuery().processInstanceId(night).timers().singleResult();
    assertThat(minute.getDuedate()).isAfter(new Date());
    management.executeJob(minute.getId());

    assertThat(results.ofRun(night)).extracting(NightlySyncResult::result).containsExactly(Result.STARTED);
    runtime.deleteProcessInstance(snapshot.getId(), "test done");
  }

  @Test
  void aNightWithoutNightlyPreviewsEndsAtOnce() {
    jdbc.update("update preview_site set nightly_sync = false");

    String night = fireNightlyTimer();

    assertEndedAfterReport(night);
    assertThat(results.ofRun(night)).isEmpty();
  }

  /** Fires the timer start event as the job executor would at 2 o'clock; returns the new run's id. */
  private String fireNightlyTimer() {
    Job timer = management.createJobQuery().processDefinitionKey(NightlySyncProcess.KEY).timers().list().stream()
        .filter(job -> job.getProcessInstanceId() == null).findFirst().orElseThrow();
    management.executeJob(timer.getId());
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(NightlySyncProcess.KEY)
        .orderByProcessInstanceStartTime().desc().list().get(0).getId();
  }

  private ProcessInstance running(String night) {
    return runtime.createProcessInstanceQuery().processInstanceId(night).singleResult();
  }

  private void awaitEndedAfterReport(String night) {
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(night).count() == 0);
    assertEndedAfterReport(night);
  }

  private void awaitResult(String night, String site, Result result) {
    await().atMost(PATIENCE).until(() -> results.ofRun(night).stream()
        .anyMatch(r -> r.site().equals(site) && r.result() == result));
  }

  private void recordLastSync(String site, Duration took) {
    Instant started = Instant.now().minus(Duration.ofDays(1));
    jdbc.update("""
        insert into run_record (process_instance_id, process_key, site, started_at, ended_at, outcome)
        values (?, ?, ?, ?, ?, 'SUCCEEDED')""", "last-night-" + site, PreviewSyncProcess.KEY, site,
        Timestamp.from(started), Timestamp.from(started.plus(took)));
  }

  private void assertEndedAfterReport(String night) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(night).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(night).list())
        .extracting(a -> a.getActivityId()).contains(Elements.REPORT_NIGHTLY_SYNC, Elements.NIGHTLY_SYNC_DONE);
  }

  private String syncRunOf(String night, String site) {
    return results.ofRun(night).stream().filter(r -> r.site().equals(site)).findFirst().orElseThrow()
        .syncRun();
  }

  /** Completes every step of a run as the worker would. */
  private void finish(String syncRun) {
    ProcessInstance run = runtime.createProcessInstanceQuery().processInstanceId(syncRun).singleResult();
    while (externalTasks.createExternalTaskQuery().processInstanceId(syncRun).count() > 0) {
      driver.passWaiting(run);
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(syncRun).count()).isZero();
  }

  private void failFirstStep(String syncRun) {
    ProcessInstance run = runtime.createProcessInstanceQuery().processInstanceId(syncRun).singleResult();
    driver.fail(run, driver.waiting(run).getActivityId(), "disk full");
  }

  /** Deletes the runs; again when a round of a night, brought by a run's end, touched one at the same moment. */
  private void endRuns(String processKey) {
    await().atMost(PATIENCE).ignoreException(OptimisticLockingException.class).until(() -> {
      runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list()
          .forEach(run -> runtime.deleteProcessInstance(run.getId(), "test clean-up"));
      return runtime.createProcessInstanceQuery().processDefinitionKey(processKey).count() == 0;
    });
  }
}

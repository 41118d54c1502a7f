package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

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
 * are off: the test fires the timers and plays the worker for the syncs it starts.
 */
@ConductorProcessTest
class NightlySyncProcessTest {

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
    endRuns(PreviewSyncProcess.KEY);
    endRuns(NightlySyncProcess.KEY);
    jdbc.update("update preview_site set nightly_sync = false"); // each test registers its own nightly previews
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
  }

  @AfterEach
  void endTheRunsLeftWaiting() {
    endRuns(PreviewSyncProcess.KEY);
    endRuns(NightlySyncProcess.KEY);
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
  void startsOneSyncPerNightlyPreviewAtMostTwoAtATimeAndSkipsASiteStillSyncing() {
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

    finish(syncRunOf(night, "ngt_a"));
    nextRound(night);
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result)
        .containsExactly(tuple("ngt_a", Result.SYNCED), tuple("ngt_b", Result.STARTED),
            tuple("ngt_busy", Result.SKIPPED), tuple("ngt_c", Result.STARTED), tuple("ngt_d", Result.PENDING));

    failFirstStep(syncRunOf(night, "ngt_b"));
    finish(syncRunOf(night, "ngt_c"));
    nextRound(night);
    finish(syncRunOf(night, "ngt_d"));
    nextRound(night);

    assertEndedAfterReport(night);
    List<NightlySyncResult> record = results.ofRun(night);
    assertThat(record).extracting(NightlySyncResult::site, NightlySyncResult::result).containsExactly(
        tuple("ngt_a", Result.SYNCED), tuple("ngt_b", Result.FAILED), tuple("ngt_busy", Result.SKIPPED),
        tuple("ngt_c", Result.SYNCED), tuple("ngt_d", Result.SYNCED));
    assertThat(record.get(1).detail()).contains("waits at \"Decide on failed sync\"");
    assertThat(record.get(2).detail()).contains("Site ngt_busy is busy").contains(lastNight.getId())
        .contains(PreviewSyncProcess.KEY);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(night).list())
        .extracting(v -> v.getName(), v -> v.getValue()).contains(
            tuple(NightlySyncProcess.Variables.SYNCED, "ngt_a, ngt_c, ngt_d"),
            tuple(NightlySyncProcess.Variables.FAILED, "ngt_b"),
            tuple(NightlySyncProcess.Variables.SKIPPED, "ngt_busy"));
  }

  @Test
  void twoPreviewsOfOneProductionSyncOneAfterTheOther() {
    PreviewTestSites.preview(registry, previews, "ngt_e", "ngp_ef", true);
    PreviewTestSites.preview(registry, previews, "ngt_f", "ngp_ef", true);

    String night = fireNightlyTimer();
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result)
        .containsExactly(tuple("ngt_e", Result.STARTED), tuple("ngt_f", Result.PENDING));

    finish(syncRunOf(night, "ngt_e"));
    nextRound(night);
    assertThat(results.ofRun(night)).extracting(NightlySyncResult::site, NightlySyncResult::result)
        .containsExactly(tuple("ngt_e", Result.SYNCED), tuple("ngt_f", Result.STARTED));

    finish(syncRunOf(night, "ngt_f"));
    nextRound(night);
    assertEndedAfterReport(night);
  }

  @Test
  void aPreviewWhoseProductionIsBusyIsSkippedWithTheHoldersMessage() {
    PreviewTestSites.preview(registry, previews, "ngt_g", "ngp_g", true);
    ProcessInstance snapshot = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, "ngp_g"));
    try {
      String night = fireNightlyTimer();

      assertEndedAfterReport(night);
      assertThat(results.ofRun(night)).singleElement().satisfies(result -> {
        assertThat(result.result()).isEqualTo(Result.SKIPPED);
        assertThat(result.detail()).contains("Site ngp_g is busy").contains(snapshot.getId());
      });
    } finally {
      runtime.deleteProcessInstance(snapshot.getId(), "test done");
    }
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

  private void assertEndedAfterReport(String night) {
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(night).count()).isZero();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(night).list())
        .extracting(a -> a.getActivityId()).contains(Elements.REPORT_NIGHTLY_SYNC, Elements.NIGHTLY_SYNC_DONE);
  }

  private void nextRound(String night) {
    Job wait = management.createJobQuery().processInstanceId(night).timers().singleResult();
    management.executeJob(wait.getId());
  }

  private String syncRunOf(String night, String site) {
    return results.ofRun(night).stream().filter(r -> r.site().equals(site)).findFirst().orElseThrow()
        .syncRun();
  }

  /** Completes every step of a sync run as the worker would. */
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

  private void endRuns(String processKey) {
    runtime.createProcessInstanceQuery().processDefinitionKey(processKey).list()
        .forEach(run -> runtime.deleteProcessInstance(run.getId(), "test clean-up"));
  }
}

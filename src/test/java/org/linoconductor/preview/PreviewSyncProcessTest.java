package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linoconductor.preview.PreviewSyncProcess.Elements.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.ProcessDriver;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.PreviewSyncProcess.Actions;
import org.linoconductor.preview.PreviewSyncProcess.Topics;
import org.linoconductor.preview.PreviewSyncProcess.Variables;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.SiteLock;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code preview-sync}. The worker is off: each test plays it, completing the
 * external tasks, or throwing STEP_FAILED with a step's failure variables.
 */
@ConductorProcessTest
class PreviewSyncProcessTest {

  private static final List<String> SYNC_STEPS = List.of(CHECK_PROGRAMS, LOG_SYNC_START, DUMP_PRODUCTION, MIRROR_FILES,
      RESTORE_TO_PREVIEW, COLLECT_STATIC, LOG_SYNC_END);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RepositoryService repository;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired AuditTrail audit;
  @Autowired ManagementService management;
  @Autowired SiteLock lock;
  private ProcessDriver driver;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
  }

  @Test
  void theProcessAndItsFormsAreDeployed() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(PreviewSyncProcess.KEY)
        .latestVersion().singleResult().getName()).isEqualTo("Preview sync");
    List<String> resources = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
    assertThat(resources).anyMatch(name -> name.endsWith(PreviewSyncProcess.Forms.ADAPT_RESTORE_SCRIPT + ".form"));
  }

  @Test
  void happyPathRunsTheSeedsLinesInOrderAgainstTheProductionOfPreviewSite() {
    ProcessInstance run = start("psy_happy", "psy_happy_prod");
    assertThat(lock.refusal("psy_happy_prod")).as("production is locked while the sync dumps it")
        .hasValueSatisfying(message -> assertThat(message).contains(run.getId()));

    assertThat(run).variables().containsEntry(Variables.PRODUCTION_SITE, "psy_happy_prod")
        .hasEntrySatisfying(Variables.RESTORE_SCRIPT, path -> assertThat((String) path)
            .endsWith("/psy_happy_prod/snapshot2preview/restore2preview.py"));
    assertThat(SYNC_STEPS.stream().map(step -> pass("psy_happy")).toList()).containsExactly(Topics.CHECK_PROGRAMS,
        Topics.LOG_SYNC_START, Topics.DUMP_PRODUCTION, Topics.MIRROR_FILES, Topics.RESTORE_TO_PREVIEW,
        Topics.COLLECT_STATIC,
        Topics.LOG_SYNC_END);

    assertThat(run).hasPassedInOrder(SYNC_STEPS.toArray(String[]::new))
        .hasPassed(SYNC_PREVIEW, PREVIEW_SYNCED).hasNotPassed(SYNC_STEP_FAILED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.site()).isEqualTo("psy_happy");
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    });
    assertThat(lock.refusal("psy_happy_prod")).isEmpty();
  }

  @Test
  void aSyncIsRefusedWhileAnotherRunWorksOnTheProductionAndLeavesThePreviewFree() {
    PreviewTestSites.preview(registry, previews, "psy_busy", "psy_busy_prod", false);
    ProcessInstance snapshot = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, "psy_busy_prod"));
    try {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY,
          Map.of(StepVariables.SITE, "psy_busy")))
          .hasMessageContaining("Site psy_busy_prod is busy").hasMessageContaining(snapshot.getId());
      assertThat(lock.refusal("psy_busy")).isEmpty();
    } finally {
      runtime.deleteProcessInstance(snapshot.getId(), "test done");
    }
  }

  @Test
  void anAbandonedRestoreAsksToAdaptRestore2previewAndARetryMirrorsAndRestoresAgain() {
    ProcessInstance run = start("psy_adapt", "psy_adapt_prod");
    passUntil("psy_adapt", RESTORE_TO_PREVIEW);
    fail("psy_adapt", RESTORE_TO_PREVIEW, "abandoned 3 unsaved instances", Map.of(Variables.UNSAVED_INSTANCES, 3));

    assertThat(run).isWaitingAtExactly(ADAPT_RESTORE_SCRIPT);
    Task adapt = tasks.createTaskQuery().processInstanceId(run.getId()).singleResult();
    assertThat(adapt.getName()).isEqualTo("Adapt restore2preview.py");
    decide(run, ADAPT_RESTORE_SCRIPT, Map.of(StepVariables.ACTION, Actions.RETRY,
        StepVariables.COMMENT, "Country 'XK' mapped to 'RS'"));

    // The adapted file is production's: the retry resumes at the mirror, which brings it to the preview.
    assertThat(run).variables().containsEntry(StepVariables.RESUME_AFTER_FAILURE, true)
        .containsEntry(StepVariables.FAILED_ACTIVITY, MIRROR_FILES)
        .doesNotContainKey(Variables.UNSAVED_INSTANCES);
    passUntil("psy_adapt", MIRROR_FILES);
    assertThat(pass("psy_adapt")).isEqualTo(Topics.MIRROR_FILES);
    assertThat(pass("psy_adapt")).isEqualTo(Topics.RESTORE_TO_PREVIEW);
    pass("psy_adapt");
    pass("psy_adapt");

    assertThat(run).hasPassed(RESTORE_FAILED, RETRY_AFTER_ADAPTING, PREVIEW_SYNCED).hasNotPassed(SYNC_FAILED)
        .isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(record.decisions()).extracting(RunRecord.Decision::taskKey, RunRecord.Decision::choice)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(ADAPT_RESTORE_SCRIPT, "action=retry"));
    });
  }

  @Test
  void aRestore2previewThatNoLongerFitsProductionsDumpAlsoAsksToAdaptIt() {
    ProcessInstance run = start("psy_stale", "psy_stale_prod");
    passUntil("psy_stale", RESTORE_TO_PREVIEW);
    fail("psy_stale", RESTORE_TO_PREVIEW, "TypeError: create_contacts_person() got an unexpected keyword argument",
        Map.of());

    assertThat(run).isWaitingAtExactly(ADAPT_RESTORE_SCRIPT);
    decide(run, ADAPT_RESTORE_SCRIPT, Map.of(StepVariables.ACTION, Actions.RETRY));
    assertThat(run).variables().containsEntry(StepVariables.FAILED_ACTIVITY, MIRROR_FILES);
  }

  @Test
  void anAbandonedRestoreAbortedEndsTheSyncAborted() {
    ProcessInstance run = start("psy_adapt_abort", "psy_adapt_abort_prod");
    passUntil("psy_adapt_abort", RESTORE_TO_PREVIEW);
    fail("psy_adapt_abort", RESTORE_TO_PREVIEW, "abandoned 2 unsaved instances",
        Map.of(Variables.UNSAVED_INSTANCES, 2));

    decide(run, ADAPT_RESTORE_SCRIPT, Map.of(StepVariables.ACTION, Actions.ABORT));

    assertThat(run).hasPassed(SYNC_ABORTED).hasNotPassed(PREVIEW_SYNCED, LOG_SYNC_END).isEnded();
  }

  @Test
  void anotherFailedStepAbortedEndsTheSyncAbortedAndFreesTheSite() {
    ProcessInstance run = start("psy_abort", "psy_abort_prod");
    passUntil("psy_abort", MIRROR_FILES);
    fail("psy_abort", MIRROR_FILES, "rsync ended with exit status 23", Map.of());

    assertThat(run).isWaitingAtExactly(SYNC_FAILED);
    assertThat(tasks.createTaskQuery().processInstanceId(run.getId()).singleResult().getName())
        .isEqualTo("Decide on failed sync");
    decide(run, SYNC_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT, StepVariables.COMMENT, "disk full"));

    assertThat(run).hasPassedInOrder(MIRROR_FILES, RESTORE_FAILED, SYNC_FAILED, RETRY_FAILED_SYNC, SYNC_ABORTED)
        .hasNotPassed(ADAPT_RESTORE_SCRIPT, PREVIEW_SYNCED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(
        record -> assertThat(record.outcome()).isEqualTo(RunOutcome.ABORTED));
    // The site is free again.
    ProcessInstance next = runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY,
        Map.of(StepVariables.SITE, "psy_abort"));
    runtime.deleteProcessInstance(next.getId(), "test done");
  }

  @Test
  void anotherFailedStepRetriedResumesAtTheFailedStep() {
    ProcessInstance run = start("psy_retry", "psy_retry_prod");
    passUntil("psy_retry", COLLECT_STATIC);
    fail("psy_retry", COLLECT_STATIC, "collectstatic ended with exit status 1", Map.of());

    decide(run, SYNC_FAILED, Map.of(StepVariables.ACTION, Actions.RETRY));

    assertThat(run).variables().containsEntry(StepVariables.RESUME_AFTER_FAILURE, true)
        .containsEntry(StepVariables.FAILED_ACTIVITY, COLLECT_STATIC);
    SYNC_STEPS.forEach(step -> pass("psy_retry"));
    assertThat(run).hasPassed(RETRY_FAILED_SYNC, PREVIEW_SYNCED).isEnded();
  }

  @Test
  void aSiteNotInStatePreviewIsRefusedAtTheStart() {
    PreviewTestSites.site(registry, "psy_prod_only", SiteState.PRODUCTION);

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY,
        Map.of(StepVariables.SITE, "psy_prod_only")))
        .hasMessageContaining("runs on PREVIEW sites only").hasMessageContaining("site psy_prod_only is PRODUCTION");
  }

  @Test
  void aPreviewWithoutPreviewSiteRowIsRefusedAtTheStartAndLeavesTheSiteFree() {
    PreviewTestSites.site(registry, "psy_orphan", SiteState.PREVIEW);

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY,
        Map.of(StepVariables.SITE, "psy_orphan")))
        .hasMessageContaining("Site psy_orphan mirrors no production site")
        .hasMessageContaining("preview_site");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PreviewSyncProcess.KEY)
        .variableValueEquals(StepVariables.SITE, "psy_orphan").count()).isZero();
  }

  @Test
  void aRunHoldingThePreviewCallsTheSyncWhichWorksUnderItsLock() {
    PreviewTestSites.preview(registry, previews, "psy_called", "psy_called_prod", false);
    String deployment = repository.createDeployment().addString("first-sync-caller.bpmn", """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <bpmn:process id="first-sync-caller" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:extensionElements>
              <camunda:executionListener delegateExpression="${siteRunListener}" event="start" />
              <camunda:executionListener delegateExpression="${siteRunListener}" event="end" />
            </bpmn:extensionElements>
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="FirstSync" />
            <bpmn:callActivity id="FirstSync" calledElement="preview-sync" />
            <bpmn:sequenceFlow id="F2" sourceRef="FirstSync" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>""").deploy().getId();
    try {
      ProcessInstance caller = runtime.startProcessInstanceByKey("first-sync-caller",
          Map.of(StepVariables.SITE, "psy_called"));

      SYNC_STEPS.forEach(step -> pass("psy_called"));

      assertThat(caller).isEnded();
      assertThat(lock.refusal("psy_called")).isEmpty();
    } finally {
      repository.deleteDeployment(deployment, true);
    }
  }

  private ProcessInstance start(String preview, String production) {
    PreviewTestSites.preview(registry, previews, preview, production, false);
    return runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY, Map.of(StepVariables.SITE, preview));
  }

  private void passUntil(String site, String activity) {
    while (!activity.equals(driver.waiting(runOf(site)).getActivityId())) {
      pass(site);
    }
  }

  /** Completes the waiting step as the worker would; returns its topic. */
  private String pass(String site) {
    return driver.passWaiting(runOf(site));
  }

  private void fail(String site, String activity, String summary, Map<String, Object> stepVariables) {
    driver.fail(runOf(site), activity, summary, " on site " + site, stepVariables);
  }

  private ProcessInstance runOf(String site) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PreviewSyncProcess.KEY)
        .variableValueEquals(StepVariables.SITE, site).singleResult();
  }

  private void decide(ProcessInstance run, String userTask, Map<String, Object> variables) {
    assertThat(run).isWaitingAtExactly(userTask);
    driver.decide(run, userTask, variables);
  }
}

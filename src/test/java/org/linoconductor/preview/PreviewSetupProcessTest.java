package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linoconductor.preview.PreviewSetupProcess.Elements.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.ProcessDriver;
import org.linoconductor.TestLino;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.PreviewSetupProcess.Actions;
import org.linoconductor.preview.PreviewSetupProcess.Parts;
import org.linoconductor.preview.PreviewSetupProcess.Topics;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code preview-setup}. The worker is off: each test plays it, completing the
 * external tasks with the variables a step sets, or throwing STEP_FAILED with a step's failure
 * variables. The first sync is whatever {@code preview-sync} is deployed (the real one once merged,
 * else {@link PreviewSyncStandIn}); its external tasks are completed like the others.
 */
@ConductorProcessTest
class PreviewSetupProcessTest {

  private static final List<String> PREPARE_STEPS = List.of(CHECK_SPACE, COPY_SITE, DUMP_PRODUCTION, LINK_LOG,
      REPLACE_NAMES);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired AuditTrail audit;

  @Autowired ManagementService management;
  ProcessDriver driver;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
    PreviewSyncStandIn.deployIfAbsent(repository);
  }

  @Test
  void theProcessAndItsReviewFormAreDeployed() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(PreviewSetupProcess.KEY)
        .latestVersion().singleResult().getName()).isEqualTo("Preview setup");
    List<String> resources = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
    assertThat(resources).anyMatch(name -> name.endsWith(PreviewSetupProcess.Forms.REVIEW_REPLACEMENTS + ".form"));
  }

  @Test
  void happyPathCopiesReviewsFinishesSyncsOnceAndEndsReady() {
    ProcessInstance run = start("pset_happy", "pset_happy_b");

    assertThat(passAll(run, PREPARE_STEPS)).containsExactly(Topics.CHECK_SPACE, Topics.COPY_SITE,
        Topics.DUMP_PRODUCTION, Topics.LINK_LOG, Topics.REPLACE_NAMES);
    assertThat(run).isWaitingAtExactly(REVIEW_REPLACEMENTS);
    decide(run, REVIEW_REPLACEMENTS, Map.of(Variables.APPROVED, true, StepVariables.COMMENT, "names look right"));
    assertThat(passAll(run, List.of(MAKE_ENV, PULL_CODE, CREATE_DATABASE, COLLECT_STATIC, REGISTER_PREVIEW)))
        .containsExactly(Topics.MAKE_ENV, Topics.PULL_CODE, Topics.CREATE_DATABASE, Topics.COLLECT_STATIC,
            Topics.REGISTER_PREVIEW);
    completeSync(run, "pset_happy_b");
    passAll(run, List.of(WRITE_VHOST, SWITCH_PREVIEW_LINK));

    // A subprocess ends in the same millisecond as its last step, in another execution: history
    // cannot order the two, so the subprocesses are checked apart.
    assertThat(run).hasPassedInOrder(REVIEW_REPLACEMENTS, REPLACEMENTS_APPROVED, MAKE_ENV,
            REGISTER_PREVIEW, SYNCED_ALREADY, FIRST_SYNC, SYNCED, WRITE_VHOST, SWITCH_PREVIEW_LINK)
        .hasPassedInOrder(DRY_RUN_OR_READY, PREVIEW_READY)
        .hasPassed(PREPARE_COPY, FINISH_SETUP)
        .hasNotPassed(STEP_FAILED, REMOVE_PREVIEW).isEnded();
    HistoricProcessInstance sync = history.createHistoricProcessInstanceQuery().superProcessInstanceId(run.getId())
        .singleResult();
    assertThat(sync.getProcessDefinitionKey()).isEqualTo(PreviewSetupProcess.SYNC_KEY);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(sync.getId())
        .variableName(StepVariables.SITE).singleResult().getValue()).isEqualTo("pset_happy_b");
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(record.site()).isEqualTo("pset_happy");
      assertThat(record.decisions()).extracting(RunRecord.Decision::choice).containsExactly("approved=true");
    });
  }

  @Test
  void aDryRunSkipsTheSyncAndEndsAsDryRun() {
    TestLino.productionSite(registry, "pset_dry");
    ProcessInstance run = runtime.startProcessInstanceByKey(PreviewSetupProcess.KEY, Map.of(
        StepVariables.SITE, "pset_dry", Variables.NEW_SITE, "pset_dry_b", StepVariables.DRY_RUN, true));
    passAll(run, PREPARE_STEPS);
    decide(run, REVIEW_REPLACEMENTS, Map.of(Variables.APPROVED, true));
    passAll(run, List.of(MAKE_ENV, PULL_CODE, CREATE_DATABASE, COLLECT_STATIC));
    // register-preview registers nothing in a dry run, and preview-sync needs a registered preview.
    LockedExternalTask register = lock(run);
    assertThat(register.getActivityId()).isEqualTo(REGISTER_PREVIEW);
    externalTasks.complete(register.getId(), ConductorProcessTest.WORKER);
    passAll(run, List.of(WRITE_VHOST, SWITCH_PREVIEW_LINK));

    assertThat(run).hasPassed(SYNCED_ALREADY, SYNCED, DRY_RUN_DONE).hasNotPassed(FIRST_SYNC, PREVIEW_READY).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(
        record -> assertThat(record.outcome()).isEqualTo(RunOutcome.DRY_RUN));
  }

  @Test
  void refusedReplacementsRemoveTheCopyAndEndTheRunAsRefused() {
    ProcessInstance run = start("pset_refused", "pset_refused_b");
    passAll(run, PREPARE_STEPS);

    decide(run, REVIEW_REPLACEMENTS, Map.of(Variables.APPROVED, false, StepVariables.COMMENT, "wsgi.py wrong"));
    assertThat(run).isWaitingAtExactly(REMOVE_PREVIEW);
    assertThat(pass(run)).isEqualTo(Topics.REMOVE_PREVIEW);

    assertThat(run).hasPassedInOrder(REVIEW_REPLACEMENTS, REPLACEMENTS_APPROVED, REMOVE_PREVIEW, WHY_REMOVED,
        REPLACEMENTS_REFUSED).hasNotPassed(FINISH_SETUP, SETUP_ABORTED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.ABORTED);
      assertThat(record.endActivity()).isEqualTo(REPLACEMENTS_REFUSED);
    });
  }

  @Test
  void aFailedStepAfterTheReviewRetriedResumesAtTheFailedStep() {
    ProcessInstance run = start("pset_retry", "pset_retry_b");
    passAll(run, PREPARE_STEPS);
    decide(run, REVIEW_REPLACEMENTS, Map.of(Variables.APPROVED, true));
    passUntil(run, CREATE_DATABASE);
    fail(run, CREATE_DATABASE, "conductor.preview.postgres-admin is not configured");

    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.RETRY));

    assertThat(run).variables().containsEntry(StepVariables.RESUME_AFTER_FAILURE, true)
        .containsEntry(StepVariables.FAILED_ACTIVITY, CREATE_DATABASE)
        .containsEntry(Variables.FAILED_PART, Parts.FINISH);
    // The sub-process starts over; the worker skips what succeeded before the failed step.
    assertThat(run).isWaitingAt(MAKE_ENV);
    passUntil(run, CREATE_DATABASE);
    assertThat(lock(run).getTopicName()).isEqualTo(Topics.CREATE_DATABASE);
    assertThat(run).hasNotPassed(REMOVE_PREVIEW);
    assertThat(tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey(REVIEW_REPLACEMENTS).count())
        .as("no second review").isZero();
  }

  @Test
  void aFailedCopyRetriedReentersTheCopyPart() {
    ProcessInstance run = start("pset_retry_copy", "pset_retry_copy_b");
    passUntil(run, COPY_SITE);
    fail(run, COPY_SITE, "cp: No space left on device");

    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.RETRY));

    assertThat(run).variables().containsEntry(Variables.FAILED_PART, Parts.PREPARE);
    assertThat(run).isWaitingAt(CHECK_SPACE);
    assertThat(run).hasNotPassed(FINISH_SETUP, REMOVE_PREVIEW);
  }

  @Test
  void aFailedStepAbortedRemovesWhatTheRunMadeAndEndsAborted() {
    ProcessInstance run = start("pset_abort", "pset_abort_b");
    passUntil(run, LINK_LOG);
    fail(run, LINK_LOG, "log directory not writable");

    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT, StepVariables.COMMENT, "give up"));
    assertThat(run).isWaitingAtExactly(REMOVE_PREVIEW);
    assertThat(pass(run)).isEqualTo(Topics.REMOVE_PREVIEW);

    assertThat(run).hasPassedInOrder(STEP_FAILED, FAILURE_ACTION, REMOVE_PREVIEW, WHY_REMOVED, SETUP_ABORTED)
        .hasNotPassed(REVIEW_REPLACEMENTS, REPLACEMENTS_REFUSED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.ABORTED);
      assertThat(record.decisions()).extracting(RunRecord.Decision::choice).containsExactly("action=abort");
    });
  }

  @Test
  void aFailedRemovalCanBeGivenUpAndEndsAsFailed() {
    ProcessInstance run = start("pset_cleanup", "pset_cleanup_b");
    passAll(run, PREPARE_STEPS);
    decide(run, REVIEW_REPLACEMENTS, Map.of(Variables.APPROVED, false));
    fail(run, REMOVE_PREVIEW, "database could not be dropped");
    assertThat(run).isWaitingAtExactly(CLEANUP_FAILED);

    decide(run, CLEANUP_FAILED, Map.of(StepVariables.ACTION, Actions.RETRY));
    fail(run, REMOVE_PREVIEW, "database could not be dropped");
    decide(run, CLEANUP_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT));

    assertThat(run).hasPassed(CLEANUP_RETRY, CLEANUP_ABANDONED).hasNotPassed(REPLACEMENTS_REFUSED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(
        record -> assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED));
  }

  @Test
  void aBadNewSiteIsRefusedAtTheStartWithAClearMessage() throws IOException {
    TestLino.productionSite(registry, "pset_bad");

    assertThatThrownBy(() -> startOnly("pset_bad", "preview"))
        .hasMessageContaining("New site 'preview' is refused").hasMessageContaining("reserved");
    assertThatThrownBy(() -> startOnly("pset_bad", "Berta-2"))
        .hasMessageContaining("New site 'Berta-2' is refused").hasMessageContaining("invalid");
    assertThatThrownBy(() -> startOnly("pset_bad", "pset_bad"))
        .hasMessageContaining("exists already");
    assertThatThrownBy(() -> startOnly("pset_bad", null))
        .hasMessageContaining("'newSite' is missing");
    Files.createDirectories(registry.require("pset_bad").root().resolve("pset_stray"));
    assertThatThrownBy(() -> startOnly("pset_bad", "pset_stray")).hasMessageContaining("exists already");
    TestLino.productionSite(registry, "pset_bad_other"); // in a root of its own
    assertThatThrownBy(() -> startOnly("pset_bad", "pset_bad_other")).hasMessageContaining("registered already");
    // Nothing of a refused start remains: the site is free for a good one.
    ProcessInstance good = startOnly("pset_bad", "pset_bad_b");
    assertThat(good).isWaitingAt(CHECK_SPACE);
    runtime.deleteProcessInstance(good.getId(), "test done");
  }

  // ---------------------------------------------------------------------------------------------

  private ProcessInstance start(String production, String newSite) {
    TestLino.productionSite(registry, production);
    return startOnly(production, newSite);
  }

  private ProcessInstance startOnly(String production, String newSite) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(StepVariables.SITE, production);
    variables.put(Variables.NEW_SITE, newSite);
    return runtime.startProcessInstanceByKey(PreviewSetupProcess.KEY, variables);
  }

  private List<String> passAll(ProcessInstance run, List<String> activities) {
    return activities.stream().map(activity -> {
      assertThat(waiting(run).getActivityId()).isEqualTo(activity);
      return pass(run);
    }).toList();
  }

  /** Completes the waiting steps until {@code activity} is the one waiting. */
  private void passUntil(ProcessInstance run, String activity) {
    while (!activity.equals(waiting(run).getActivityId())) {
      pass(run);
    }
  }

  /** Completes the waiting step as the worker would, with what it sets; returns its topic. */
  private String pass(ProcessInstance run) {
    LockedExternalTask task = lock(run);
    Map<String, Object> variables = new HashMap<>();
    switch (task.getActivityId()) {
      case REPLACE_NAMES -> variables.putAll(Map.of(Variables.REPLACEMENTS_DIFF, "--- a/settings.py\n+++ b/settings.py\n",
          Variables.REPLACEMENTS_DIFF_PATH, "/tmp/replacements.diff", Variables.REPLACED_FILES, "settings.py"));
      case REGISTER_PREVIEW -> {
        register((String) task.getVariables().get(StepVariables.SITE),
            (String) task.getVariables().get(Variables.NEW_SITE), run.getId());
        variables.put(Variables.REGISTERED, true);
      }
      default -> { }
    }
    return driver.complete(task, variables);
  }

  /**
   * What register-preview does, so that a real preview-sync finds a registered preview: a
   * directory with manage.py, a PREVIEW registration and the preview row.
   */
  private void register(String production, String newSite, String runId) {
    Path root = registry.require(production).root();
    try {
      Files.createDirectories(root.resolve(newSite));
      Files.writeString(root.resolve(newSite).resolve("manage.py"), "# test\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    registry.register(new SiteRequest(newSite, root.toString(), newSite, SiteState.PREVIEW, DatabaseKind.SQLITE,
        false, "tester", List.of("tester"), null, null, null, null), null, null);
    previews.register(new PreviewSite(newSite, production, true, runId));
  }

  /** Completes the called preview-sync's external tasks, whatever they are, until it ends. */
  private void completeSync(ProcessInstance run, String newSite) {
    // The call activity is asynchronous before: its job starts the sync (job executor off here).
    assertThat(run).isWaitingAt(FIRST_SYNC);
    driver.executeJob(run);
    assertThat(runtime.getVariable(runtime.createProcessInstanceQuery().superProcessInstanceId(run.getId())
        .singleResult().getId(), StepVariables.SITE)).isEqualTo(newSite);
    driver.completeCalled(run);
  }

  /** The waiting step fails as the worker reports a failed command. */
  private void fail(ProcessInstance run, String activity, String summary) {
    driver.fail(run, activity, summary);
  }

  private ExternalTask waiting(ProcessInstance run) {
    return driver.waiting(run);
  }

  private LockedExternalTask lock(ProcessInstance run) {
    return driver.lock(run);
  }

  private void decide(ProcessInstance run, String userTask, Map<String, Object> variables) {
    assertThat(run).isWaitingAtExactly(userTask);
    driver.decide(run, userTask, variables);
  }
}

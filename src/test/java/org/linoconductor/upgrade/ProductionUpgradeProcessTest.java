package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linoconductor.upgrade.ProductionUpgradeProcess.Elements.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.ProcessDriver;
import org.linoconductor.TestLino;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteAddress;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepRecords;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Actions;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Topics;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code production-upgrade}. The worker is off: each test plays it, completing the
 * external tasks with the variables a step sets, or throwing STEP_FAILED with a step's failure variables.
 */
@ConductorProcessTest
class ProductionUpgradeProcessTest {

  private static final List<String> UPGRADE_STEPS = List.of(PREFLIGHT, COPY_ENV, STOP_SERVICES, COPY_DATABASE,
      MAKE_SNAPSHOT,
      VERIFY_SNAPSHOT, PULL_CODE, COMPARE_SCHEMA, RESTORE_SNAPSHOT, INSTALL_REQUIREMENTS, BUILD_INDEXES,
      CHECK_DATA, COLLECT_STATIC, START_SERVICES, CHECK_SITE);
  private static final List<String> ROLL_BACK_STEPS = List.of(STOP_SERVICES_FOR_ROLLBACK, RESTORE_CODE,
      RESTORE_DATABASE, COLLECT_STATIC_FOR_ROLLBACK, START_SERVICES_AFTER_ROLLBACK);

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalTaskService externalTasks;
  @Autowired RepositoryService repository;
  @Autowired SiteRegistry registry;
  @Autowired StepRunRepository stepRuns;
  @Autowired AuditTrail audit;

  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired ConductorAuthorizations authorizations;
  ProcessDriver driver;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
  }

  @Test
  void theProcessAndItsFormsAreDeployed() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ProductionUpgradeProcess.KEY)
        .latestVersion().singleResult().getName()).isEqualTo("Production upgrade");
    List<String> resources = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
    for (String form : List.of(ProductionUpgradeProcess.Forms.UPGRADE_STEP_FAILED,
        ProductionUpgradeProcess.Forms.SIGN_OFF, ProductionUpgradeProcess.Forms.DRY_RUN_REVIEW,
        ProductionUpgradeProcess.Forms.STEP_FAILED)) {
      assertThat(resources).as("form %s", form).anyMatch(name -> name.endsWith(form + ".form"));
    }
  }

  @Test
  void happyPathPassesEveryStepInOrderAndSucceedsWhenTheContactConfirms() {
    ProcessInstance run = start("upg_happy", false);

    assertThat(passUpgradeSteps("upg_happy")).containsExactly(Topics.PREFLIGHT, Topics.COPY_ENV,
        Topics.STOP_SERVICES, Topics.COPY_DATABASE, SiteSnapshotProcess.Topics.MAKE_SNAPSHOT, SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT, Topics.PULL_CODE,
        Topics.COMPARE_SCHEMA, Topics.RESTORE_SNAPSHOT, Topics.INSTALL_REQUIREMENTS, Topics.BUILD_INDEXES,
        Topics.CHECK_DATA, Topics.COLLECT_STATIC, Topics.START_SERVICES, Topics.CHECK_SITE);
    signOff(run, true, "all fine");

    assertThat(run).hasPassedInOrder(UPGRADE_STEPS.toArray(String[]::new))
        .hasPassedInOrder(DRY_RUN_OR_SIGN_OFF, SIGN_OFF, SITE_WORKS, UPGRADE_SUCCEEDED)
        .hasPassed(UPGRADE_SITE)
        .hasNotPassed(ROLL_BACK, STEP_FAILED)
        .isEnded();
  }

  @Test
  void collectstaticAndCheckdataWaitAtTheSameTimeAndTheServicesStartWhenBothAreDone() {
    ProcessInstance run = start("upg_parallel", false);
    passUntil("upg_parallel", CHECK_DATA);

    assertThat(run).isWaitingAt(COLLECT_STATIC, CHECK_DATA);
    pass("upg_parallel");
    assertThat(run).isWaitingAt(COLLECT_STATIC).isNotWaitingAt(CHECK_DATA, START_SERVICES);
    pass("upg_parallel");

    assertThat(run).isWaitingAt(START_SERVICES).isNotWaitingAt(COLLECT_STATIC, CHECK_DATA)
        .hasPassed(STATIC_FILES_AND_DATA, STATIC_FILES_AND_DATA_DONE);
  }

  @Test
  void theEnvIsCopiedWhileTheServicesStillRun() {
    ProcessInstance run = start("upg_env_first", false);
    passUntil("upg_env_first", COPY_ENV);

    assertThat(run).isWaitingAt(COPY_ENV).hasPassed(PREFLIGHT).hasNotPassed(STOP_SERVICES);
    pass("upg_env_first");
    assertThat(run).isWaitingAt(STOP_SERVICES).isNotWaitingAt(COPY_ENV, COPY_DATABASE, MAKE_SNAPSHOT);
  }

  @Test
  void theDatabaseCopyAndTheSnapshotWaitAtTheSameTimeAndTheSnapshotIsVerifiedWhenBothAreDone() {
    ProcessInstance run = start("upg_copies", false);
    passUntil("upg_copies", COPY_DATABASE);

    assertThat(run).isWaitingAt(COPY_DATABASE, MAKE_SNAPSHOT).hasPassed(COPY_ENV, STOP_SERVICES);
    pass("upg_copies");
    assertThat(run).isWaitingAt(MAKE_SNAPSHOT).isNotWaitingAt(COPY_DATABASE, VERIFY_SNAPSHOT);
    pass("upg_copies");

    assertThat(run).isWaitingAt(VERIFY_SNAPSHOT).isNotWaitingAt(MAKE_SNAPSHOT)
        .hasPassed(COPIES_AND_SNAPSHOT, COPIES_AND_SNAPSHOT_DONE);
  }

  @Test
  void aFailedSnapshotEndsTheDatabaseCopyBesideItAndTheRunWaitsAtTheDecision() {
    ProcessInstance run = start("upg_snap_fail", false);
    passUntil("upg_snap_fail", COPY_DATABASE);

    fail("upg_snap_fail", MAKE_SNAPSHOT, "make_snapshot.sh exited with status 1");

    assertThat(run).isWaitingAtExactly(STEP_FAILED);
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(run.getId()).count()).isZero();
  }

  @Test
  void aFailedCheckdataEndsTheCollectstaticBesideItAndTheRunWaitsAtTheDecision() {
    ProcessInstance run = start("upg_par_fail", false);
    passUntil("upg_par_fail", CHECK_DATA);

    fail("upg_par_fail", CHECK_DATA, "checkdata died");

    assertThat(run).isWaitingAtExactly(STEP_FAILED);
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(run.getId()).count()).isZero();
  }

  @Test
  void aSiteNotInProductionIsRefusedAtTheStartWithAClearMessage() {
    TestLino.productionSite(registry, "upg_old");
    registry.changeState("upg_old", SiteState.OLD);

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(ProductionUpgradeProcess.KEY,
        Map.of(StepVariables.SITE, "upg_old")))
        .hasMessageContaining("runs on PRODUCTION sites only")
        .hasMessageContaining("site upg_old is OLD");
  }

  @Test
  void aFailedStepRetriedResumesAtTheFailedStep() {
    ProcessInstance run = start("upg_retry", false);
    passUntil("upg_retry", RESTORE_SNAPSHOT);
    fail("upg_retry", RESTORE_SNAPSHOT, "Abandoning with 3 unsaved instances");

    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.RETRY));

    assertThat(run).variables().containsEntry(StepVariables.RESUME_AFTER_FAILURE, true)
        .containsEntry(StepVariables.FAILED_ACTIVITY, RESTORE_SNAPSHOT);
    // The subprocess starts over; the worker skips what succeeded before the failed step.
    passUntil("upg_retry", RESTORE_SNAPSHOT);
    assertThat(run).isWaitingAt(RESTORE_SNAPSHOT);
    assertThat(lock("upg_retry").getTopicName()).isEqualTo(Topics.RESTORE_SNAPSHOT);
  }

  @Test
  void aFailedStepRolledBackEndsRolledBack() {
    ProcessInstance run = start("upg_rollback", false);
    passUntil("upg_rollback", PULL_CODE);
    fail("upg_rollback", PULL_CODE, "pull.sh exited with status 1");

    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.ROLLBACK));
    assertThat(passRollBack("upg_rollback")).containsExactly(Topics.STOP_SERVICES, Topics.RESTORE_CODE,
        Topics.RESTORE_DATABASE, Topics.RECOLLECT_STATIC, Topics.START_SERVICES);

    // History orders by end time; a subprocess ends in the same millisecond as its last step, in
    // another execution, so its place in that order is not defined: it is checked apart.
    assertThat(run).hasPassedInOrder(PULL_CODE, STEP_FAILED, FAILURE_ACTION,
            STOP_SERVICES_FOR_ROLLBACK, RESTORE_CODE, RESTORE_DATABASE, COLLECT_STATIC_FOR_ROLLBACK,
            START_SERVICES_AFTER_ROLLBACK)
        .hasPassed(ROLL_BACK, UPGRADE_ROLLED_BACK)
        .hasNotPassed(CHECK_SITE, SIGN_OFF)
        .isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(
        record -> assertThat(record.outcome()).isEqualTo(RunOutcome.ROLLED_BACK));
  }

  @Test
  void anAbortConfirmedToKeepTheServicesStoppedStartsNothing() {
    ProcessInstance run = start("upg_abort_stopped", false);
    passUntil("upg_abort_stopped", MAKE_SNAPSHOT);
    fail("upg_abort_stopped", MAKE_SNAPSHOT, "make_snapshot.sh exited with status 1");

    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT,
        Variables.KEEP_SERVICES_STOPPED, true));

    assertThat(run).hasPassed(KEEP_SERVICES_STOPPED, UPGRADE_ABORTED_SERVICES_STOPPED)
        .hasNotPassed(START_SERVICES_AFTER_ABORT, START_SERVICES).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.SITE_DOWN);
      assertThat(record.endReason()).contains("services stopped", "the site is DOWN");
    });
  }

  @Test
  void anAbortWhoseServicesDoNotStartEndsSayingTheSiteIsDownAndWhy() {
    ProcessInstance run = start("upg_abort_down", false);
    passUntil("upg_abort_down", MAKE_SNAPSHOT);
    fail("upg_abort_down", MAKE_SNAPSHOT, "make_snapshot.sh exited with status 1");
    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT, Variables.KEEP_SERVICES_STOPPED, false));

    fail("upg_abort_down", START_SERVICES_AFTER_ABORT, "program 'sudo' not found");

    assertThat(run).hasPassed(START_AFTER_ABORT_FAILED, ABORTED_SITE_DOWN).hasNotPassed(UPGRADE_ABORTED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.SITE_DOWN);
      assertThat(record.endActivity()).isEqualTo(ABORTED_SITE_DOWN);
      assertThat(record.endReason()).contains("could not be started again: the site is DOWN",
          "Step start-services failed on site upg_abort_down: program 'sudo' not found");
    });
  }

  @Test
  void anAbortWithoutThatConfirmationStartsTheServicesAgain() {
    ProcessInstance run = start("upg_abort", false);
    passUntil("upg_abort", MAKE_SNAPSHOT);
    fail("upg_abort", MAKE_SNAPSHOT, "make_snapshot.sh exited with status 1");

    decide(run, STEP_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT,
        Variables.KEEP_SERVICES_STOPPED, false));
    assertThat(run).isWaitingAtExactly(START_SERVICES_AFTER_ABORT);
    assertThat(pass("upg_abort")).isEqualTo(Topics.START_SERVICES);

    assertThat(run).hasPassedInOrder(STEP_FAILED, KEEP_SERVICES_STOPPED, START_SERVICES_AFTER_ABORT, UPGRADE_ABORTED)
        .isEnded();
  }

  @Test
  void aRefusedSignOffRollsTheUpgradeBack() {
    ProcessInstance run = start("upg_refused", false);
    passUpgradeSteps("upg_refused");

    signOff(run, false, "the invoices are gone");
    passRollBack("upg_refused");

    assertThat(run).hasPassedInOrder(SIGN_OFF, SITE_WORKS).hasPassed(ROLL_BACK, UPGRADE_ROLLED_BACK).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.ROLLED_BACK);
      assertThat(record.decisions()).extracting(RunRecord.Decision::choice).containsExactly("siteWorks=false");
    });
  }

  @Test
  void aDryRunEndsWithAReviewOfTheRenderedCommands() {
    ProcessInstance run = start("upg_dry", true);
    StepRecords.rendered(stepRuns, run.getId(), ProductionUpgradeProcess.KEY, STOP_SERVICES, "upg_dry",
        Topics.STOP_SERVICES, "sudo service apache2 stop\nsudo service supervisor stop", null);
    StepRecords.rendered(stepRuns, run.getId(), ProductionUpgradeProcess.KEY, COMPARE_SCHEMA, "upg_dry",
        Topics.COMPARE_SCHEMA, null, "dry run: restore.py is not compared");

    passUpgradeSteps("upg_dry");

    assertThat(run).isWaitingAtExactly(REVIEW_DRY_RUN);
    assertThat(run).variables().containsEntry(Variables.RENDERED_COMMANDS, """
        stop-services: sudo service apache2 stop
        stop-services: sudo service supervisor stop
        compare-schema: (no command) dry run: restore.py is not compared""");
    decide(run, REVIEW_DRY_RUN, Map.of(StepVariables.COMMENT, "commands look right"));
    assertThat(run).hasPassed(DRY_RUN_DONE).hasNotPassed(SIGN_OFF).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(
        record -> assertThat(record.outcome()).isEqualTo(RunOutcome.DRY_RUN));
  }

  @Test
  void aFailedRollBackStepRetriedResumesTheRollBack() {
    ProcessInstance run = failedRollBack("upg_rb_retry");

    decide(run, ROLLBACK_FAILED, Map.of(StepVariables.ACTION, Actions.RETRY));

    assertThat(run).variables().containsEntry(StepVariables.RESUME_AFTER_FAILURE, true)
        .containsEntry(StepVariables.FAILED_ACTIVITY, RESTORE_DATABASE);
    passRollBack("upg_rb_retry");
    assertThat(run).hasPassed(ROLL_BACK_RETRY, UPGRADE_ROLLED_BACK).isEnded();
  }

  @Test
  void aFailedRollBackStepAbandonedEndsTheRunAsFailed() {
    ProcessInstance run = failedRollBack("upg_rb_abandon");

    decide(run, ROLLBACK_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT, StepVariables.COMMENT, "by hand"));

    assertThat(run).hasPassed(ROLL_BACK_ABANDONED).hasNotPassed(UPGRADE_ROLLED_BACK).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.FAILED);
      assertThat(record.endReason()).contains("Roll-back abandoned", "DOWN",
          "Step restore-database failed on site upg_rb_abandon: copy missing");
      assertThat(record.decisions()).extracting(RunRecord.Decision::choice)
          .containsExactly("siteWorks=false", "action=abort");
    });
  }

  @Test
  void theSignOffGoesToTheSiteContactAndIsAuditedWithItsComment() {
    ProcessInstance run = start("upg_audit", false);
    passUpgradeSteps("upg_audit");

    Task signOff = tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey(SIGN_OFF).singleResult();
    assertThat(tasks.getIdentityLinksForTask(signOff.getId()))
        .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .extracting(IdentityLink::getUserId, IdentityLink::getGroupId)
        .contains(tuple(registry.require("upg_audit").contact(), null),
            tuple(null, ConductorGroups.OPERATORS),
            tuple(null, ConductorGroups.testersOf("upg_audit")));
    assertThat(runtime.getVariable(run.getId(), SiteAddress.VARIABLE)).as("the form's link to the site")
        .isEqualTo("unknown: the site's registration has no URL (an operator can add it in the site registry)");
    signOff(run, true, "checked the calendar and two invoices");

    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(record.endActivity()).isEqualTo(UPGRADE_SUCCEEDED);
      assertThat(record.decisions()).singleElement().satisfies(decision -> {
        assertThat(decision.taskKey()).isEqualTo(SIGN_OFF);
        assertThat(decision.choice()).isEqualTo("siteWorks=true");
        assertThat(decision.comment()).isEqualTo("checked the calendar and two invoices");
      });
    });
  }

  @Test
  void onAFourEyesSiteWhoStartedTheUpgradeMayNotSignItOffButAnotherOperatorMay() {
    TestLino.productionSite(registry, "upg_4eyes", true);
    ProcessInstance run = startAs("olga", "upg_4eyes");
    passUpgradeSteps("upg_4eyes");
    String signOff = driver.task(run, SIGN_OFF).getId();
    String refusal = "Four-eyes rule for site upg_4eyes: user olga started this run, so another tester or operator"
        + " must sign it off.";

    assertThatThrownBy(() -> tasks.claim(signOff, "olga")).hasMessageContaining(refusal);
    assertThat(driver.task(run, SIGN_OFF).getAssignee()).as("the refused claim left nothing").isNull();
    assertThatThrownBy(() -> signOffAs("olga", signOff)).hasMessageContaining(refusal);
    assertThatThrownBy(() -> signOffAs(null, signOff)).as("a completion that names no user")
        .hasMessageContaining(refusal).hasMessageContaining("names no user");
    assertThat(run).isWaitingAtExactly(SIGN_OFF);

    tasks.claim(signOff, "tom");
    signOffAs("tom", signOff);

    assertThat(run).hasPassed(UPGRADE_SUCCEEDED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.startedBy()).isEqualTo("olga");
      assertThat(record.decisions()).extracting(RunRecord.Decision::decidedBy).containsExactly("tom");
    });
  }

  @Test
  void withoutTheFourEyesRuleWhoStartedTheUpgradeMaySignItOff() {
    TestLino.productionSite(registry, "upg_2eyes");
    ProcessInstance run = startAs("olga", "upg_2eyes");
    passUpgradeSteps("upg_2eyes");
    String signOff = driver.task(run, SIGN_OFF).getId();

    tasks.claim(signOff, "olga");
    signOffAs("olga", signOff);

    assertThat(run).hasPassed(UPGRADE_SUCCEEDED).isEnded();
  }

  /** An upgrade of {@code site} started by {@code user}, an operator (Camunda authorization is on). */
  private ProcessInstance startAs(String user, String site) {
    authorizations.ensureOperatorsGroup();
    identity.setAuthentication(user, List.of(ConductorGroups.OPERATORS));
    try {
      return runtime.startProcessInstanceByKey(ProductionUpgradeProcess.KEY, Map.of(StepVariables.SITE, site));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** Completes the sign-off with "the site works" as {@code user}, an operator, or as nobody (null). */
  private void signOffAs(String user, String task) {
    if (user != null) {
      identity.setAuthentication(user, List.of(ConductorGroups.OPERATORS));
    }
    try {
      tasks.complete(task, Map.of(Variables.SITE_WORKS, true));
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance start(String site, boolean dryRun) {
    TestLino.productionSite(registry, site);
    return runtime.startProcessInstanceByKey(ProductionUpgradeProcess.KEY,
        Map.of(StepVariables.SITE, site, StepVariables.DRY_RUN, dryRun));
  }

  /** Fails a roll-back step after a refused sign-off: the run waits at Repair roll-back. */
  private ProcessInstance failedRollBack(String site) {
    ProcessInstance run = start(site, false);
    passUpgradeSteps(site);
    signOff(run, false, null);
    passUntil(site, RESTORE_DATABASE);
    fail(site, RESTORE_DATABASE, "copy missing");
    assertThat(run).isWaitingAtExactly(ROLLBACK_FAILED);
    return run;
  }

  /** Completes every step of Upgrade site, returning their topics. */
  private List<String> passUpgradeSteps(String site) {
    return UPGRADE_STEPS.stream().map(step -> pass(site)).toList();
  }

  private List<String> passRollBack(String site) {
    return ROLL_BACK_STEPS.stream().map(step -> pass(site)).toList();
  }

  /** Completes the waiting steps until {@code activity} is the one waiting. */
  private void passUntil(String site, String activity) {
    while (!activity.equals(waiting(site).getActivityId())) {
      pass(site);
    }
  }

  /** Completes the waiting step as the worker would, with the variables it sets; returns its topic. */
  private String pass(String site) {
    LockedExternalTask task = lock(site);
    Map<String, Object> variables = new HashMap<>();
    switch (task.getActivityId()) {
      case PULL_CODE -> variables.put(Variables.CODE_CHANGED, true);
      case COMPARE_SCHEMA -> variables.putAll(Map.of(Variables.SCHEMA_CHANGED, true,
          Variables.SCHEMA_COMPARISON, "2 models changed"));
      case CHECK_DATA -> variables.putAll(Map.of(Variables.CHECKDATA_FOUND, 0, Variables.CHECKDATA_FIXED, 0));
      default -> { }
    }
    return driver.complete(task, variables);
  }

  /** The waiting step fails as the worker reports a failed command. */
  private void fail(String site, String activity, String summary) {
    driver.fail(instance(site), activity, summary, " on site " + site);
  }

  private ExternalTask waiting(String site) {
    return driver.waiting(instance(site));
  }

  private LockedExternalTask lock(String site) {
    return driver.lock(instance(site));
  }

  private ProcessInstance instance(String site) {
    return runtime.createProcessInstanceQuery().processInstanceId(runOf(site)).singleResult();
  }

  private String runOf(String site) {
    return runtime.createProcessInstanceQuery().processDefinitionKey(ProductionUpgradeProcess.KEY)
        .variableValueEquals(StepVariables.SITE, site).singleResult().getId();
  }

  private void signOff(ProcessInstance run, boolean siteWorks, String comment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Variables.SITE_WORKS, siteWorks);
    variables.put(StepVariables.COMMENT, comment);
    decide(run, SIGN_OFF, variables);
  }

  private void decide(ProcessInstance run, String userTask, Map<String, Object> variables) {
    assertThat(run).isWaitingAtExactly(userTask);
    driver.decide(run, userTask, variables);
  }
}

package org.linoconductor.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linoconductor.attempt.UpgradeAttemptProcess.Elements.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.ProcessDriver;
import org.linoconductor.attempt.UpgradeAttemptProcess.Actions;
import org.linoconductor.attempt.UpgradeAttemptProcess.Decisions;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.PreviewSites;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteAddress;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.SiteLock;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code upgrade-attempt}. The worker and the job executor are off: each test plays
 * them with {@link ProcessDriver}, completing the external tasks (also those of the called
 * preview-sync) and executing the timers.
 */
@ConductorProcessTest
class UpgradeAttemptProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalTaskService externalTasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired AuditTrail audit;
  @Autowired SiteLock lock;
  @Autowired IdentityService identity;
  @Autowired ConductorAuthorizations authorizations;
  ProcessDriver driver;
  AttemptRuns attempts;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
    attempts = new AttemptRuns(runtime, history, registry, previews, driver);
  }

  @Test
  void theProcessAndItsFormAreDeployed() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(UpgradeAttemptProcess.KEY)
        .latestVersion().singleResult().getName()).isEqualTo("Upgrade attempt");
    List<String> resources = repository.createDeploymentQuery().list().stream()
        .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream()).toList();
    assertThat(resources).anyMatch(name -> name.endsWith(UpgradeAttemptProcess.Forms.DECIDE_ATTEMPT + ".form"));
  }

  @Test
  void acceptedAttemptSwitchesWaitsForTheTestersAndEndsSucceeded() {
    ProcessInstance run = attempts.start("att_acc", "att_acc_b", Map.of());

    attempts.switchToPreview(run);
    assertThat(run).isWaitingAtExactly(DECIDE_ATTEMPT);
    List<IdentityLink> candidates = tasks.getIdentityLinksForTask(driver.task(run, DECIDE_ATTEMPT).getId());
    assertThat(candidates).extracting(IdentityLink::getGroupId).filteredOn(java.util.Objects::nonNull)
        .containsExactlyInAnyOrder(ConductorGroups.testersOf("att_acc_b"), ConductorGroups.OPERATORS);
    assertThat(candidates).extracting(IdentityLink::getUserId).contains("tester");
    Instant endsAt = Instant.parse((String) runtime.getVariable(run.getId(), Variables.ATTEMPT_ENDS_AT));
    assertThat(Duration.between(Instant.now(), endsAt)).isBetween(Duration.ofMinutes(59), Duration.ofMinutes(61));
    assertThat(runtime.getVariable(run.getId(), SiteAddress.VARIABLE)).as("the form's 'Test it at:'")
        .isEqualTo(SiteAddress.markdown(null)).asString().startsWith("unknown:");
    // The production site is the attempt's too: no other run works on it meanwhile.
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
        Map.of(StepVariables.SITE, "att_acc"))).hasMessageContaining("Site att_acc is busy: run " + run.getId());

    tasks.claim(driver.task(run, DECIDE_ATTEMPT).getId(), "tester");
    driver.decide(run, DECIDE_ATTEMPT, Map.of(Variables.DECISION, Decisions.ACCEPT, StepVariables.COMMENT, "all fine"));
    assertThat(runtime.getVariable(run.getId(), Variables.TIME_LEFT)).asString().startsWith("PT5");
    driver.pass(run, ACCEPT_ATTEMPT, Map.of());

    assertThat(run).hasPassedInOrder(ANNOUNCE, WAIT_FOR_REMINDER, REMIND, WAIT_FOR_START, STOP_PRODUCTION,
        FINAL_SYNC, RECORD_CODE_VERSIONS, SWITCH_PROD_LINK,
        RELOAD_WEB_SERVER, START_PREVIEW_SERVICES, DECIDE_ATTEMPT, ACCEPTED, ACCEPT_ATTEMPT, ATTEMPT_SUCCEEDED)
        .hasNotPassed(CANCEL_ATTEMPT, ATTEMPT_STEP_FAILED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
      assertThat(record.decisions()).extracting(RunRecord.Decision::choice, RunRecord.Decision::comment)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("decision=accept", "all fine"));
    });
    assertThat(attempts.variable(run, Variables.RESULT_MESSAGE)).asString().contains("was accepted by tester")
        .contains("(\"all fine\")", "att_acc_b) stays production");
    assertThat(lock.refusal("att_acc")).isEmpty();
    assertThat(lock.refusal("att_acc_b")).isEmpty();
  }

  @Test
  void cancelledAttemptKeepsTheAttemptsDataAndGivesProductionBack() {
    ProcessInstance run = attempts.start("att_can", "att_can_b", Map.of());
    attempts.switchToPreview(run);

    driver.decide(run, DECIDE_ATTEMPT, Map.of(Variables.DECISION, Decisions.CANCEL, StepVariables.COMMENT, "totals wrong"));
    attempts.cancelPath(run);

    // What follows a subprocess ends in the same millisecond as its last step, in another execution:
    // history cannot order those two, so they are checked in two runs of order.
    assertThat(run).hasPassedInOrder(DECIDE_ATTEMPT, ACCEPTED, STOP_PREVIEW_SERVICES, KEEP_ATTEMPT_SNAPSHOT,
        PUT_PROD_BACK, START_PRODUCTION_SERVICES)
        .hasPassedInOrder(WHY_CANCELLED, ATTEMPT_CANCELLED)
        .hasNotPassed(ACCEPT_ATTEMPT, ATTEMPT_TIMED_OUT, ATTEMPT_TIMED_OUT_END).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.CANCELLED);
      assertThat(record.decisions()).extracting(RunRecord.Decision::choice).containsExactly("decision=cancel");
    });
    assertThat(attempts.variable(run, Variables.ATTEMPT_SNAPSHOT)).isEqualTo("/tmp/attempt.zip");
    assertThat(attempts.variable(run, Variables.RESULT_MESSAGE)).asString()
        .contains("was cancelled", "(\"totals wrong\")", "Production is att_can again",
            "They are kept in /tmp/attempt.zip");
  }

  @Test
  void withNobodyDecidingTheAttemptIsCancelledWhenTimeIsUpAndRecordedAsTimedOut() {
    ProcessInstance run = attempts.start("att_time", "att_time_b", Map.of(Variables.DURATION, "PT2S"));
    assertThat(attempts.variable(run, Variables.TIMEOUT_DECISION)).as("this installation's default")
        .isEqualTo(Decisions.CANCEL);
    attempts.switchToPreview(run);
    assertThat(run).isWaitingAtExactly(DECIDE_ATTEMPT);

    Job timeUp = driver.executeJob(run);
    assertThat(timeUp.getDuedate().toInstant()).isBetween(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3));
    attempts.cancelPath(run);

    assertThat(run).hasPassedInOrder(ATTEMPT_TIMED_OUT, ACCEPTED, STOP_PREVIEW_SERVICES, KEEP_ATTEMPT_SNAPSHOT,
        PUT_PROD_BACK, START_PRODUCTION_SERVICES).hasPassed(DECIDE_ATTEMPT, ATTEMPT_TIMED_OUT_END)
        .hasNotPassed(ACCEPT_ATTEMPT, ATTEMPT_CANCELLED, ATTEMPT_TIMED_OUT_ACCEPTED)
        .isEnded();
    assertThat(attempts.variable(run, Variables.TIMED_OUT)).isEqualTo(true);
    assertThat(attempts.variable(run, Variables.RESULT_MESSAGE)).asString()
        .contains("timed out: nobody decided in time", "so it was cancelled", "kept in /tmp/attempt.zip");
    assertThat(attempts.variable(run, Variables.DECISION)).isEqualTo(Decisions.CANCEL);
    assertTimedOutWithDecisionByNobody(run, "decision=cancel");
  }

  @Test
  void withTimeoutDecisionAcceptNobodyDecidingMakesThePreviewProductionAndIsRecordedAsTimedOut() {
    ProcessInstance run = attempts.start("att_tacc", "att_tacc_b", Map.of(Variables.DURATION, "PT2S",
        Variables.TIMEOUT_DECISION, "accept"));
    assertThat(attempts.variable(run, Variables.ANNOUNCEMENT)).asString()
        .contains("Without a decision by the end of the attempt it is accepted");
    attempts.switchToPreview(run);

    driver.executeJob(run);
    driver.pass(run, ACCEPT_ATTEMPT, Map.of());

    assertThat(run).hasPassedInOrder(ATTEMPT_TIMED_OUT, ACCEPTED, ACCEPT_ATTEMPT)
        .hasPassed(DECIDE_ATTEMPT, WHY_ACCEPTED, ATTEMPT_TIMED_OUT_ACCEPTED)
        .hasNotPassed(CANCEL_ATTEMPT, ATTEMPT_SUCCEEDED, ATTEMPT_TIMED_OUT_END).isEnded();
    assertThat(attempts.variable(run, Variables.TIMED_OUT)).isEqualTo(true);
    assertThat(attempts.variable(run, Variables.DECISION)).isEqualTo(Decisions.ACCEPT);
    assertThat(attempts.variable(run, Variables.RESULT_MESSAGE)).asString()
        .contains("timed out: nobody decided in time, so it was accepted", "att_tacc_b) stays production")
        .doesNotContain("kept in");
    assertTimedOutWithDecisionByNobody(run, "decision=accept");
  }

  /** The record says the run timed out, and that nobody took the decision the default made. */
  private void assertTimedOutWithDecisionByNobody(ProcessInstance run, String choice) {
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.TIMED_OUT);
      assertThat(record.decisions()).singleElement().satisfies(decision -> {
        assertThat(decision.taskKey()).isEqualTo(DECIDE_ATTEMPT);
        assertThat(decision.decidedBy()).isNull();
        assertThat(decision.choice()).isEqualTo(choice);
        assertThat(decision.comment()).contains("Time is up: nobody decided");
      });
    });
  }

  @Test
  void onAFourEyesSiteWhoStartedTheAttemptMayNotDecideItButATesterMay() {
    attempts.prepare("att_4eyes", "att_4eyes_b", true);
    authorizations.ensureOperatorsGroup();
    identity.setAuthentication("olga", List.of(ConductorGroups.OPERATORS));
    ProcessInstance run;
    try {
      run = runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
          Map.of(StepVariables.SITE, "att_4eyes_b", Variables.START_AT, ""));
    } finally {
      identity.clearAuthentication();
    }
    attempts.switchToPreview(run);
    String decide = driver.task(run, DECIDE_ATTEMPT).getId();
    String refusal = "Four-eyes rule for site att_4eyes_b: user olga started this run, so another tester or"
        + " operator must sign it off.";

    assertThatThrownBy(() -> tasks.claim(decide, "olga")).hasMessageContaining(refusal);
    identity.setAuthentication("olga", List.of(ConductorGroups.OPERATORS));
    try {
      assertThatThrownBy(() -> tasks.complete(decide, Map.of(Variables.DECISION, Decisions.ACCEPT)))
          .hasMessageContaining(refusal);
    } finally {
      identity.clearAuthentication();
    }
    assertThat(run).isWaitingAtExactly(DECIDE_ATTEMPT);

    tasks.claim(decide, "tester");
    driver.decide(run, DECIDE_ATTEMPT, Map.of(Variables.DECISION, Decisions.ACCEPT));
    driver.pass(run, ACCEPT_ATTEMPT, Map.of());

    assertThat(run).hasPassed(ATTEMPT_SUCCEEDED).isEnded();
    assertThat(attempts.variable(run, Variables.DECIDED_BY)).isEqualTo("tester");
  }

  @Test
  void aFourEyesSiteIsNeverAcceptedByTimeOut() {
    attempts.prepare("att_4to", "att_4to_b", true);
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
        Map.of(StepVariables.SITE, "att_4to_b", Variables.TIMEOUT_DECISION, "accept")))
        .hasMessageContaining("Start variable 'timeoutDecision' is 'accept', but site att_4to_b has the four-eyes"
            + " rule").hasMessageContaining("Write cancel or leave it empty.");
  }

  @Test
  void aBadDurationIsRefusedAtTheStartWithAClearMessage() {
    attempts.prepare("att_bad", "att_bad_b", false);
    for (String bad : List.of("1 hour", "PT0S", "-PT1H", "PT2147483648H", "P8D")) {
      assertThatThrownBy(() -> runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
          Map.of(StepVariables.SITE, "att_bad_b", Variables.DURATION, bad)))
          .hasMessageContaining("Start variable 'duration' is '" + bad + "'").hasMessageContaining("PT1H");
    }
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
        Map.of(StepVariables.SITE, "att_bad_b", Variables.START_AT, "tomorrow 6pm")))
        .hasMessageContaining("Start variable 'startAt' is 'tomorrow 6pm', which is no ISO date-time");
    // A mistyped year never starts an attempt at once, nor schedules one in years.
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
        Map.of(StepVariables.SITE, "att_bad_b", Variables.START_AT, LocalDate.now().minusYears(1) + "T18:00")))
        .hasMessageContaining("in the past: an attempt never starts by surprise");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
        Map.of(StepVariables.SITE, "att_bad_b", Variables.START_AT, LocalDate.now().plusYears(2) + "T18:00")))
        .hasMessageContaining("more than a year ahead");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
        Map.of(StepVariables.SITE, "att_bad_b", Variables.TIMEOUT_DECISION, "wait")))
        .hasMessageContaining("Start variable 'timeoutDecision' is 'wait': write accept or cancel")
        .hasMessageContaining("(cancel, conductor.attempt.timeout-decision)");
    // Nothing was left behind: the site is free for a good start.
    ProcessInstance run = runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY, Map.of(StepVariables.SITE,
        "att_bad_b", Variables.DURATION, "PT90M"));
    assertThat(attempts.variable(run, Variables.DURATION)).isEqualTo("PT1H30M");
    runtime.deleteProcessInstance(run.getId(), "test done");
  }

  @Test
  void theAnnouncementNamesDateTimeDurationReleaseNotesAndTheWarningAndTheRunWaitsForTheAgreedStart() {
    attempts.prepare("att_ann", "att_ann_b", false);
    LocalDateTime agreed = LocalDate.now().plusDays(60).atTime(18, 0);
    ProcessInstance run = runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY, Map.of(StepVariables.SITE,
        "att_ann_b", Variables.START_AT, agreed.toString(), Variables.DURATION, "PT1H30M"));

    assertThat(run).isWaitingAtExactly(WAIT_FOR_REMINDER);
    Instant start = agreed.atZone(ZoneId.systemDefault()).toInstant();
    assertThat(management.createJobQuery().processInstanceId(run.getId()).singleResult().getDuedate().toInstant())
        .isEqualTo(start.minus(Duration.ofMinutes(15)));
    String text = (String) attempts.variable(run, Variables.ANNOUNCEMENT);
    String day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).format(agreed);
    assertThat(text).contains("Dear users of att_ann", "Date: " + day, "Time: 18:00",
        " to 19:30", "Duration: 1 hour 30 minutes (PT1H30M)", "Release notes: " + AttemptRuns.RELEASE_NOTES,
        "will be LOST if the attempt is cancelled", "REMAIN if the attempt succeeds");
    // No spring.mail.host in tests: the announcement is logged, not mailed.
    assertThat(attempts.variable(run, AnnounceAttemptDelegate.MAILED)).isEqualTo(false);

    driver.executeJob(run); // the reminder, a quarter of an hour before the start
    assertThat((String) attempts.variable(run, Variables.REMINDER))
        .startsWith("Reminder: the upgrade attempt starts in ")
        .endsWith(text);
    assertThat(run).isWaitingAtExactly(WAIT_FOR_START);
    assertThat(management.createJobQuery().processInstanceId(run.getId()).singleResult().getDuedate().toInstant())
        .isEqualTo(start);
    runtime.deleteProcessInstance(run.getId(), "test done");
  }

  @Test
  void aFailedStepWaitsForAnOperatorAndAbortGivesProductionBack() {
    ProcessInstance run = attempts.start("att_abort", "att_abort_b", Map.of());
    driver.executeJob(run);
    driver.executeJob(run);
    driver.passAll(run, STOP_PRODUCTION);
    driver.executeJob(run);
    driver.completeCalled(run);
    driver.passAll(run, RECORD_CODE_VERSIONS);
    driver.pass(run, SWITCH_PROD_LINK, Map.of(Variables.PREVIOUS_PROD, "att_abort"));
    driver.fail(run, RELOAD_WEB_SERVER, "nginx: configuration file test failed");

    assertThat(run).isWaitingAtExactly(ATTEMPT_STEP_FAILED);
    assertThat(attempts.variable(run, Variables.FAILED_PART)).isEqualTo(UpgradeAttemptProcess.Parts.SWITCH);
    // A retry resumes the switch at the failed step: the sync is done already.
    driver.decide(run, ATTEMPT_STEP_FAILED, Map.of(StepVariables.ACTION, Actions.RETRY));
    assertThat(driver.waiting(run).getActivityId()).isEqualTo(STOP_PRODUCTION);
    driver.passAll(run, STOP_PRODUCTION); // the worker skips it: it succeeded before in this run
    assertThat(driver.waiting(run).getActivityId()).as("no second sync").isEqualTo(RECORD_CODE_VERSIONS);
    driver.passAll(run, RECORD_CODE_VERSIONS, SWITCH_PROD_LINK);
    driver.fail(run, RELOAD_WEB_SERVER, "still broken");
    driver.decide(run, ATTEMPT_STEP_FAILED, Map.of(StepVariables.ACTION, Actions.ABORT));
    driver.passAll(run, PUT_PROD_BACK_AFTER_ABORT, START_PRODUCTION_AFTER_ABORT);

    assertThat(run).hasPassed(GIVE_BACK_FAILED_TOO, GIVE_PRODUCTION_BACK, ATTEMPT_ABORTED)
        .hasNotPassed(DECIDE_ATTEMPT).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(
        record -> assertThat(record.outcome()).isEqualTo(RunOutcome.ABORTED));
  }
}

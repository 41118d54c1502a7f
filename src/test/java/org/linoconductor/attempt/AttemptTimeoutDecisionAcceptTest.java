package org.linoconductor.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linoconductor.attempt.UpgradeAttemptProcess.Elements.*;

import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.ProcessDriver;
import org.linoconductor.attempt.UpgradeAttemptProcess.Decisions;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.preview.PreviewSites;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An installation whose attempts are accepted when nobody decides in time
 * ({@code conductor.attempt.timeout-decision=accept}); the worker and the job executor are off, as
 * in {@link ConductorProcessTest}, in a context and database of its own.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:conductor-accept-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "conductor.steps.worker-enabled=false",
    "conductor.steps.node=" + ConductorProcessTest.WORKER,
    // Camunda keeps engines in a static registry by name: other test contexts keep theirs.
    "camunda.bpm.process-engine-name=acceptOnTimeOutTest",
    "conductor.attempt.timeout-decision=accept"})
@ActiveProfiles("test")
class AttemptTimeoutDecisionAcceptTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalTaskService externalTasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired AuditTrail audit;
  ProcessDriver driver;
  AttemptRuns attempts;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
    attempts = new AttemptRuns(runtime, history, registry, previews, driver);
  }

  @Test
  void withNobodyDecidingTheAttemptIsAcceptedWhenTimeIsUpAndRecordedAsTimedOut() {
    ProcessInstance run = attempts.start("cfg_acc", "cfg_acc_b", Map.of(Variables.DURATION, "PT2S"));
    assertThat(attempts.variable(run, Variables.TIMEOUT_DECISION)).isEqualTo(Decisions.ACCEPT);
    assertThat(attempts.variable(run, Variables.ANNOUNCEMENT)).asString()
        .contains("Without a decision by the end of the attempt it is accepted");
    attempts.switchToPreview(run);

    driver.executeJob(run);
    driver.pass(run, ACCEPT_ATTEMPT, Map.of());

    assertThat(run).hasPassedInOrder(ATTEMPT_TIMED_OUT, ACCEPTED, ACCEPT_ATTEMPT)
        .hasPassed(ATTEMPT_TIMED_OUT_ACCEPTED).hasNotPassed(CANCEL_ATTEMPT, ATTEMPT_SUCCEEDED).isEnded();
    assertThat(attempts.variable(run, Variables.RESULT_MESSAGE)).asString()
        .contains("nobody decided in time, so it was accepted");
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.TIMED_OUT);
      assertThat(record.decisions()).extracting(d -> d.choice()).containsExactly("decision=accept");
    });
  }

  @Test
  void aSiteWithTheFourEyesRuleIsCancelledWhenNobodyDecidesWhateverTheInstallationSays() {
    attempts.prepare("cfg_4eyes", "cfg_4eyes_b", true);
    ProcessInstance run = runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY,
        Map.of(StepVariables.SITE, "cfg_4eyes_b", Variables.START_AT,
            java.time.LocalDate.now().plusDays(30) + "T18:00"));

    assertThat(attempts.variable(run, Variables.TIMEOUT_DECISION)).isEqualTo(Decisions.CANCEL);
    assertThat(attempts.variable(run, Variables.ANNOUNCEMENT)).asString()
        .contains("Without a decision by the end of the attempt it is cancelled.");
    runtime.deleteProcessInstance(run.getId(), "test done");
  }

  @Test
  void aStartVariableCancelOverridesTheInstallationsAccept() {
    ProcessInstance run = attempts.start("cfg_can", "cfg_can_b", Map.of(Variables.DURATION, "PT2S",
        Variables.TIMEOUT_DECISION, " Cancel "));
    assertThat(attempts.variable(run, Variables.TIMEOUT_DECISION)).isEqualTo(Decisions.CANCEL);
    attempts.switchToPreview(run);

    driver.executeJob(run);
    attempts.cancelPath(run);

    assertThat(run).hasPassed(ATTEMPT_TIMED_OUT_END).hasNotPassed(ACCEPT_ATTEMPT).isEnded();
  }
}

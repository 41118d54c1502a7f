package org.linoconductor.audit;

import java.time.Instant;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.linoconductor.step.ProcessProperty;
import org.linoconductor.step.StepVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Process start and end listener ({@code ${runRecorder}}): who started a run and when, and how it
 * ended. The outcome is the property {@code outcome} of the end event reached; a run that ends
 * without one (deleted in Cockpit) is CANCELLED with the reason Camunda gives.
 */
@Component("runRecorder")
class RunRecorder implements ExecutionListener {

  /** End-event property naming a {@link RunOutcome}. */
  static final String OUTCOME = "outcome";
  /**
   * End-event property: what the outcome means for the site, recorded as the run's end reason;
   * {@code {failureMessage}} in it stands for the last failed step's message.
   */
  static final String MESSAGE = "message";
  private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

  private final AuditRecords records;
  private final IdentityService identity;
  private final ApplicationEventPublisher events;

  RunRecorder(AuditRecords records, IdentityService identity, ApplicationEventPublisher events) {
    this.records = records;
    this.identity = identity;
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = execution.getProcessInstanceId();
    String processKey = ProcessProperty.processKey(execution);
    String site = String.valueOf(execution.getVariable(StepVariables.SITE));
    if (EVENTNAME_START.equals(execution.getEventName())) {
      records.runStarted(id, processKey, site, startedBy(execution),
          Boolean.TRUE.equals(execution.getVariable(StepVariables.DRY_RUN)), Instant.now());
      events.publishEvent(new RunStarted(id, processKey, site));
      return;
    }
    String endActivity = execution.getCurrentActivityId();
    RunOutcome outcome = ProcessProperty.of(execution, endActivity, OUTCOME).map(RunOutcome::valueOf)
        .orElse(RunOutcome.CANCELLED);
    String reason = outcome == RunOutcome.CANCELLED ? cancelReason(execution)
        : ProcessProperty.of(execution, endActivity, MESSAGE).map(message -> message.replace("{failureMessage}",
            Objects.toString(execution.getVariable(StepVariables.FAILURE_MESSAGE), "")).strip()).orElse(null);
    records.runEnded(id, outcome, endActivity, reason, Instant.now());
    events.publishEvent(new RunEnded(id, processKey, site, outcome));
    if (outcome == RunOutcome.SITE_DOWN) {
      log.warn("AUDIT-002 Run {} on site {} ended: {}: {}", id, site, outcome, reason);
    } else {
      log.info("AUDIT-001 Run {} on site {} ended: {}", id, site, outcome);
    }
  }

  /**
   * The signed-in user who started the run; for a run called by another (the first sync of a
   * preview-setup, the final sync of an attempt), whoever started the caller, since the step
   * worker or the job executor continues the caller with no one signed in.
   */
  private String startedBy(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    if (user != null) {
      return user.getUserId();
    }
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    return caller == null ? null : records.startedBy(caller.getProcessInstanceId()).orElse(null);
  }

  private static String cancelReason(DelegateExecution execution) {
    return execution instanceof org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl pvm
        ? pvm.getDeleteReason() : null;
  }
}

package org.linoconductor.audit;

import java.time.Instant;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.step.ProcessProperty;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.linoconductor.step.StepVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Process start and end listener ({@code ${runRecorder}}, after {@code ${siteRunListener}}): who
 * started a run and when, on which site (from the run's record: for a run called by another, such as
 * the final sync of an attempt, whoever started the caller), and how it ended. The outcome is the
 * property {@code outcome} of the end event reached; a run that ends without one (deleted in Cockpit)
 * is CANCELLED with the reason Camunda gives.
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
  private final RunIdentities runs;
  private final ApplicationEventPublisher events;

  RunRecorder(AuditRecords records, RunIdentities runs, ApplicationEventPublisher events) {
    this.records = records;
    this.runs = runs;
    this.events = events;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String id = execution.getProcessInstanceId();
    String processKey = ProcessProperty.processKey(execution);
    if (EVENTNAME_START.equals(execution.getEventName())) {
      RunIdentity run = runs.of(id);
      records.runStarted(id, processKey, run.site(), run.startedBy(), run.dryRun(), run.startedAt());
      events.publishEvent(new RunStarted(id, processKey, run.site()));
      return;
    }
    String site = runs.find(id).map(RunIdentity::site).orElse(null);
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

  private static String cancelReason(DelegateExecution execution) {
    return execution instanceof org.camunda.bpm.engine.impl.pvm.runtime.PvmExecutionImpl pvm
        ? pvm.getDeleteReason() : null;
  }
}

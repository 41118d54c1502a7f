package org.linoconductor.attempt;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.springframework.stereotype.Component;

/**
 * When an attempt's timers fire, from what the run was started with ({@link RunIdentity}), never
 * from variables: the bean {@code attemptSchedule} of the diagram's timers
 * ({@code ${attemptSchedule.startAt(execution)}}, {@code reminderAt}, {@code duration}).
 */
@Component("attemptSchedule")
public class AttemptSchedule {

  private final RunIdentities runs;
  private final AttemptProperties properties;

  AttemptSchedule(RunIdentities runs, AttemptProperties properties) {
    this.runs = runs;
    this.properties = properties;
  }

  /** Timer: the agreed start. */
  public Date startAt(DelegateExecution execution) {
    return Date.from(startAt(runs.of(execution)));
  }

  /** Timer: when the reminder goes out, never before the run started. */
  public Date reminderAt(DelegateExecution execution) {
    RunIdentity run = runs.of(execution);
    Instant reminder = startAt(run).minus(properties.reminderBefore());
    return Date.from(reminder.isAfter(run.startedAt()) ? reminder : run.startedAt());
  }

  /** Timer: the attempt's length, ISO-8601. */
  public String duration(DelegateExecution execution) {
    return duration(runs.of(execution)).toString();
  }

  static Instant startAt(RunIdentity run) {
    return Instant.parse(run.parameter(Variables.START_AT).orElseThrow());
  }

  static Duration duration(RunIdentity run) {
    return Duration.parse(run.parameter(Variables.DURATION).orElseThrow());
  }

  static TimeoutDecision timeoutDecision(RunIdentity run) {
    return TimeoutDecision.of(run.parameter(Variables.TIMEOUT_DECISION).orElseThrow(), TimeoutDecision.CANCEL);
  }

  /** False when the start was so near that the announcement is reminder enough. */
  boolean reminderNeeded(RunIdentity run) {
    return startAt(run).minus(properties.reminderBefore()).isAfter(run.startedAt());
  }
}

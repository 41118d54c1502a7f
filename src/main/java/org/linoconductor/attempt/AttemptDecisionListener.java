package org.linoconductor.attempt;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.audit.Decider;
import org.linoconductor.step.RunIdentities;
import org.springframework.stereotype.Component;

/**
 * Task listener of decideAttempt ({@code ${attemptDecisionListener}}): on create, when the attempt
 * ends (the boundary timer's due date); on complete, who decided and the time left then. The
 * decision and comment themselves are recorded by {@code ${decisionRecorder}}.
 */
@Component("attemptDecisionListener")
class AttemptDecisionListener implements TaskListener {

  private final IdentityService identity;
  private final RunIdentities runs;

  AttemptDecisionListener(IdentityService identity, RunIdentities runs) {
    this.identity = identity;
    this.runs = runs;
  }

  @Override
  public void notify(DelegateTask task) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Duration duration = AttemptSchedule.duration(runs.of(task));
      task.setVariable(Variables.ATTEMPT_ENDS_AT, now.plus(duration).toString());
      return;
    }
    task.setVariable(Variables.DECIDED_BY, Decider.of(identity, task));
    task.setVariable(Variables.DECISION_COMMENT, task.getVariable(org.linoconductor.step.StepVariables.COMMENT));
    Object endsAt = task.getVariable(Variables.ATTEMPT_ENDS_AT);
    if (endsAt != null) {
      Duration left = Duration.between(now, Instant.parse(endsAt.toString()));
      task.setVariable(Variables.TIME_LEFT, (left.isNegative() ? Duration.ZERO : left).toString());
    }
  }
}

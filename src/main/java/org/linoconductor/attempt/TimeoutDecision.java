package org.linoconductor.attempt;

import org.linoconductor.attempt.UpgradeAttemptProcess.Decisions;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.input.Shown;
import org.linoconductor.step.RunRefusedException;

/** What an upgrade attempt ends with when nobody decides in time. */
enum TimeoutDecision {
  CANCEL(Decisions.CANCEL), ACCEPT(Decisions.ACCEPT);

  private final String value;

  TimeoutDecision(String value) {
    this.value = value;
  }

  /** The value of the variables {@code timeoutDecision} and, once time is up, {@code decision}. */
  String value() {
    return value;
  }

  /** The start variable {@code timeoutDecision}: empty = {@code configured}, else accept or cancel. */
  static TimeoutDecision of(Object startVariable, TimeoutDecision configured) {
    if (startVariable == null || startVariable.toString().isBlank()) {
      return configured;
    }
    String text = startVariable.toString().strip();
    for (TimeoutDecision decision : values()) {
      if (decision.value.equalsIgnoreCase(text)) {
        return decision;
      }
    }
    throw new RunRefusedException("Start variable '" + Variables.TIMEOUT_DECISION + "' is '" + Shown.value(text)
        + "': write accept or cancel, or leave it empty for this installation's default ("
        + configured.value + ", conductor.attempt.timeout-decision).");
  }
}

package org.linoconductor.attempt;

import org.linoconductor.attempt.UpgradeAttemptProcess.Decisions;
import org.linoconductor.audit.RunOutcome;

/** How an attempt ended, as the message to all tells it: by whose decision, or because time was up. */
enum AttemptEnding {
  ACCEPTED, CANCELLED, ACCEPTED_AT_TIME_OUT, CANCELLED_AT_TIME_OUT;

  /**
   * @param outcome the {@link RunOutcome} named by the end event reached
   * @param decision the variable {@code decision}: the testers' or, at time-out, the default
   */
  static AttemptEnding of(String outcome, String decision) {
    boolean accepted = Decisions.ACCEPT.equals(decision);
    if (RunOutcome.TIMED_OUT.name().equals(outcome)) {
      return accepted ? ACCEPTED_AT_TIME_OUT : CANCELLED_AT_TIME_OUT;
    }
    return accepted ? ACCEPTED : CANCELLED;
  }
}

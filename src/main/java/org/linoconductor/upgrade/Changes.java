package org.linoconductor.upgrade;

import org.linoconductor.step.StepContext;

/** Reads the run's "what changed" flags, which decide whether a skippable step runs. */
final class Changes {

  private Changes() {}

  /**
   * False only when the variable says so: when it is unknown (e.g. the step that sets it did not
   * run), the step runs, because running a skippable step is always safe and skipping a needed one is not.
   */
  static boolean mayHaveChanged(StepContext context, String variable) {
    return !Boolean.FALSE.equals(context.variable(variable, Boolean.class).orElse(null));
  }
}

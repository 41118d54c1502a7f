package org.linoconductor.step;

import java.util.Map;

/**
 * What a step ended with. {@code FAILED} becomes the BPMN error {@link StepErrors#STEP_FAILED}
 * so that the diagram decides (retry, roll back, abort); {@code SKIPPED} is a success with a reason.
 *
 * @param summary one line for the operator: what happened, or why it failed or was skipped
 * @param variables process variables the step hands to the rest of the run
 */
public record StepOutcome(Status status, String summary, Map<String, Object> variables) {

  public enum Status { SUCCEEDED, SKIPPED, FAILED }

  public StepOutcome {
    variables = Map.copyOf(variables);
  }

  public static StepOutcome succeeded(String summary) {
    return new StepOutcome(Status.SUCCEEDED, summary, Map.of());
  }

  public static StepOutcome succeeded(String summary, Map<String, Object> variables) {
    return new StepOutcome(Status.SUCCEEDED, summary, variables);
  }

  public static StepOutcome skipped(String reason) {
    return new StepOutcome(Status.SKIPPED, reason, Map.of());
  }

  public static StepOutcome failed(String reason) {
    return new StepOutcome(Status.FAILED, reason, Map.of());
  }

  /**
   * The usual reading of one command: exit status 0 succeeded, anything else (or a timeout) failed.
   *
   * @param what the command as the operator knows it, e.g. {@code make_snapshot.sh}
   */
  public static StepOutcome fromExit(org.linoconductor.shell.ShellResult result, String what) {
    if (result.timedOut()) {
      return failed(what + " did not finish within " + result.command().timeout()
          + "; it was stopped with all its processes. See the log " + result.logFile());
    }
    if (result.exitStatus() != 0) {
      return failed(what + " ended with exit status " + result.exitStatus() + ". See the log " + result.logFile());
    }
    return succeeded(what + " ended with exit status 0");
  }

  public StepOutcome with(Map<String, Object> more) {
    var all = new java.util.HashMap<>(variables);
    all.putAll(more);
    return new StepOutcome(status, summary, all);
  }
}

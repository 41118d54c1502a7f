package org.linoconductor.step;

import java.util.HashMap;
import java.util.Map;

/** The variables a failed (or interrupted) step hands to the diagram's decision task and its form. */
final class FailureVariables {

  /** Camunda keeps string variables in a 4000-character column. */
  private static final int MAX_VARIABLE_CHARS = 3800;

  static final String NO_COMMAND = "no command ran: the step is a check Conductor makes itself (see the message)";
  static final String NO_LOG = "none (no command ran)";

  private FailureVariables() {}

  /**
   * @param message the operator's one line: which step, which site, what happened
   * @param stepVariables variables of the step's own (e.g. how many objects a restore abandoned)
   */
  static Map<String, Object> of(String topic, String activityId, String message, Integer exitStatus, String tail,
      String logPath, Map<String, Object> stepVariables) {
    Map<String, Object> variables = new HashMap<>(stepVariables);
    variables.put(StepVariables.FAILED_STEP, topic);
    variables.put(StepVariables.FAILED_ACTIVITY, activityId);
    variables.put(StepVariables.FAILURE_MESSAGE, lastChars(message));
    variables.put(StepVariables.FAILURE_EXIT_STATUS, exitStatus);
    boolean noLog = logPath == null || logPath.isBlank();
    variables.put(StepVariables.FAILURE_LOG_TAIL, tail != null && !tail.isBlank() ? lastChars(tail)
        : noLog ? "(no log: no command ran)" : "");
    variables.put(StepVariables.FAILURE_LOG_PATH, noLog ? NO_LOG : logPath);
    variables.put(StepVariables.FAILURE_COMMAND, exitStatus != null ? "exit status " + exitStatus
        : noLog ? NO_COMMAND : "no exit status (the command was ended)");
    return variables;
  }

  static String lastChars(String text) {
    if (text == null || text.length() <= MAX_VARIABLE_CHARS) {
      return text;
    }
    return "..." + text.substring(text.length() - MAX_VARIABLE_CHARS);
  }
}

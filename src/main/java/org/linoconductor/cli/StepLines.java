package org.linoconductor.cli;

import java.util.Map;

/** How one step record of the API ({@code StepView}) reads in a line. */
final class StepLines {

  private StepLines() {}

  /** A short word for the step's status, as the first column of {@code follow} and {@code show} shows it. */
  static String word(String status) {
    return switch (status == null ? "" : status) {
      case "RUNNING" -> "runs";
      case "SUCCEEDED" -> "done";
      case "SKIPPED" -> "skip";
      case "RENDERED" -> "dry";
      default -> status;
    };
  }

  /** {@code Make snapshot (exit status 0, 0.5 s): make_snapshot.sh ended with exit status 0}. */
  static String ended(String name, Map<String, Object> step) {
    StringBuilder line = new StringBuilder(name);
    Object exit = step.get("exitStatus");
    Object millis = step.get("durationMillis");
    if (exit != null || millis != null) {
      line.append(" (");
      if (exit != null) {
        line.append("exit status ").append(exit).append(millis != null ? ", " : "");
      }
      if (millis instanceof Number number) {
        line.append(Times.duration(number.longValue()));
      }
      line.append(")");
    }
    String summary = Json.text(step, "summary");
    return summary == null || summary.isBlank() ? line.toString() : line + ": " + summary;
  }
}

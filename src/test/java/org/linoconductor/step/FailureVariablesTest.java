package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the decision forms show of a failed step: never an empty exit status or log path. */
class FailureVariablesTest {

  @Test
  void aFailedCommandShowsItsExitStatusAndLog() {
    Map<String, Object> variables = FailureVariables.of("pull-code", "PullCode", "failed", 128, "fatal: …",
        "/var/log/conductor/run/pull-code.log", Map.of());

    assertThat(variables).containsEntry(StepVariables.FAILURE_COMMAND, "exit status 128")
        .containsEntry(StepVariables.FAILURE_EXIT_STATUS, 128)
        .containsEntry(StepVariables.FAILURE_LOG_PATH, "/var/log/conductor/run/pull-code.log");
  }

  @Test
  void aCheckThatRanNoCommandSaysSoInsteadOfShowingNothing() {
    Map<String, Object> variables = FailureVariables.of("verify-snapshot", "VerifySnapshot",
        "snapshot.zip is empty", null, null, null, Map.of());

    assertThat(variables).containsEntry(StepVariables.FAILURE_COMMAND, FailureVariables.NO_COMMAND)
        .containsEntry(StepVariables.FAILURE_LOG_PATH, FailureVariables.NO_LOG)
        .containsEntry(StepVariables.FAILURE_LOG_TAIL, "(no log: no command ran)");
  }

  @Test
  void aCommandCutOffByARestartHasALogButNoExitStatus() {
    Map<String, Object> variables = FailureVariables.of("restore", "Restore", "interrupted", null, "…",
        "/var/log/x.log", Map.of());

    assertThat(variables.get(StepVariables.FAILURE_COMMAND)).asString().startsWith("no exit status");
  }
}

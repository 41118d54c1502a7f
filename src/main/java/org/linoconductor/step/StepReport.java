package org.linoconductor.step;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.shell.ShellRunner;

/**
 * What a step run by a step agent ended with, as the agent reports it to the server
 * ({@code POST /api/agent/steps/{record}/finish}): the server records it and tells the engine, as it
 * does for its own steps.
 *
 * @param status the record's: SUCCEEDED, SKIPPED, FAILED (a failed command: the decision), ERROR (a
 *     technical error: an incident) or RENDERED (dry run)
 * @param outcome what the step returned (SUCCEEDED, SKIPPED, FAILED), which the engine is told; also in a
 *     dry run, where a step may fail before any command (a missing script)
 * @param variables what the step hands to the run, typed as in a step record's handover
 * @param command the commands run, rendered and redacted, one a line; null when none ran
 * @param details the stack trace of an ERROR
 */
public record StepReport(String status, String outcome, String summary, String variables, String command,
    Integer exitStatus, String logPath, String tail, String details) {

  static StepReport of(StepOutcome outcome, boolean dryRun, List<ShellResult> results, ShellRunner shell) {
    ShellResult last = results.isEmpty() ? null : results.get(results.size() - 1);
    String status = dryRun ? StepRun.Status.RENDERED.name() : outcome.status().name();
    return new StepReport(status, outcome.status().name(), outcome.summary(),
        Handover.complete(outcome.variables()).toJson(), rendered(results, shell),
        last == null ? null : last.exitStatus(), last == null ? null : last.logFile().toString(),
        last == null ? null : last.tail(), null);
  }

  static StepReport error(String summary, String details, List<ShellResult> results, ShellRunner shell) {
    return new StepReport(StepRun.Status.ERROR.name(), null, summary, Handover.complete(Map.of()).toJson(),
        rendered(results, shell), null, null, null, details);
  }

  /** The outcome as the step returned it (FAILED goes to the decision). */
  StepOutcome stepOutcome() {
    Map<String, Object> handed = Handover.fromJson(Handover.Kind.COMPLETE, variables == null ? "{}" : variables)
        .variables();
    return new StepOutcome(StepOutcome.Status.valueOf(outcome), summary, handed);
  }

  private static String rendered(List<ShellResult> results, ShellRunner shell) {
    return results.isEmpty() ? null
        : results.stream().map(r -> shell.render(r.command())).collect(Collectors.joining("\n"));
  }
}

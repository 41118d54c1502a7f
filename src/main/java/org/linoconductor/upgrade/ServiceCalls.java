package org.linoconductor.upgrade;

import java.util.ArrayList;
import java.util.List;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;

/** Runs a site's service commands in the registered order, stopping at the first that fails. */
final class ServiceCalls {

  private ServiceCalls() {}

  /**
   * @param done what the summary says was done, e.g. "Stopped"
   * @param commands argv lists, in order; null or empty lists are treated as nothing to run
   */
  static StepOutcome runAll(StepContext context, String done, List<List<String>> commands) {
    List<String> ran = new ArrayList<>();
    for (List<String> argv : commands) {
      var result = context.run(argv);
      if (!result.succeeded()) {
        // The ones before it already ran: say so, the operator must know what state the services are in.
        return StepOutcome.failed("'" + result.command().render() + "' "
            + (result.timedOut() ? "did not finish within " + result.command().timeout()
                : "ended with exit status " + result.exitStatus())
            + (ran.isEmpty() ? "; nothing ran before it" : "; already done: " + String.join(", ", ran))
            + ". Check the service (see the log " + result.logFile() + "), then retry.");
      }
      ran.add(result.command().render());
    }
    String prefix = context.dryRun() ? "dry run: would run " : done + ": ";
    return StepOutcome.succeeded(ran.isEmpty() ? "No service commands to run" : prefix + String.join(", ", ran));
  }

  static List<List<String>> orEmpty(List<List<String>> commands) {
    return commands == null ? List.of() : commands;
  }
}

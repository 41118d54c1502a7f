package org.linoconductor.step;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.linoconductor.shell.RenderingShellRunner;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.shell.ShellSetupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one step on a step agent, as {@link StepExecution} does on the server: the same {@link Step},
 * a {@link StepContext} on the site and run the server recorded, the same shell (process sessions,
 * timeouts, redaction, log files on this host); the record and the hand-over to the engine are the
 * server's ({@link StepServer}).
 */
public final class RemoteStepExecution {

  private static final Logger log = LoggerFactory.getLogger(RemoteStepExecution.class);

  private final Step step;
  private final StepServer.Assignment assignment;
  private final Map<String, Object> variables;
  private final ShellRunner shell;
  private final ShellProperties shellProperties;
  private final StepProperties properties;
  private final StepServer server;
  private final Runnable ended;

  /** @param ended run once the step has ended, before the server hears of it: stops renewing the task's lock */
  public RemoteStepExecution(Step step, StepServer.Assignment assignment, Map<String, Object> variables,
      ShellRunner shell, ShellProperties shellProperties, StepProperties properties, StepServer server,
      Runnable ended) {
    this.ended = ended;
    this.step = step;
    this.assignment = assignment;
    this.variables = variables;
    this.shell = shell;
    this.shellProperties = shellProperties;
    this.properties = properties;
    this.server = server;
  }

  public void run() {
    RunIdentity run = assignment.run();
    ShellRunner runner = run.dryRun() ? new RenderingShellRunner(shellProperties) : shell;
    StepContext context = new StepContext(assignment.site(), run, step.topic(), variables, runner,
        properties.logDir().resolve(run.processInstanceId()), properties.timeoutOf(step.topic()),
        session -> server.sessionStarted(assignment.record(), session));
    StepReport report;
    try {
      if (assignment.skip()) {
        report = StepReport.of(StepOutcome.skipped("done before the failed step; not repeated on retry"), false,
            List.of(), runner);
      } else {
        log.info("STEP-001 Site {}: step {} started (run {}{}) on agent {}", assignment.site().name(), step.topic(),
            run.processInstanceId(), run.dryRun() ? ", dry run" : "", properties.node());
        report = StepReport.of(execute(context), run.dryRun(), context.results(), runner);
      }
    } catch (RuntimeException e) {
      String message = "Step " + step.topic() + " on site " + assignment.site().name() + " broke on agent "
          + properties.node() + ": " + e.getMessage();
      log.error("STEP-003 {} (run {})", message, run.processInstanceId(), e);
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      report = StepReport.error(message, trace.toString(), context.results(), runner);
    }
    log.info("STEP-002 Site {}: step {} {} (run {}): {}", assignment.site().name(), step.topic(), report.status(),
        run.processInstanceId(), report.summary());
    ended.run();
    server.finish(assignment.record(), report);
  }

  private StepOutcome execute(StepContext context) {
    try {
      return step.execute(context);
    } catch (ShellSetupException e) {
      return StepOutcome.failed(e.getMessage());
    }
  }

  /** The last lines of a step's log on this host, for the decision of an interrupted step. */
  public static String lastLines(String logPath) {
    return logPath == null ? "" : StepLogs.lastLines(Path.of(logPath), 16 * 1024);
  }
}

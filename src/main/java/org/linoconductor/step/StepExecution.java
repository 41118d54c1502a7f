package org.linoconductor.step;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.linoconductor.shell.RenderingShellRunner;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.shell.ShellRunner;
import org.linoconductor.shell.ShellSetupException;
import org.linoconductor.site.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one fetched external task: records it, keeps its lock alive while the step runs, and
 * hands the outcome back to the engine on the channel the diagram expects.
 */
final class StepExecution {

  private static final Logger log = LoggerFactory.getLogger(StepExecution.class);
  /** Camunda keeps string variables in a 4000-character column. */
  private static final int MAX_VARIABLE_CHARS = 3800;
  /** Retries of a step that cannot change the site, after a technical error. */
  private static final int READ_ONLY_RETRIES = 2;

  private final LockedExternalTask task;
  private final Step step;
  private final Site site;
  private final RunIdentity run;
  private final StepWorkerParts parts;
  private ShellRunner shell;

  StepExecution(LockedExternalTask task, Step step, Site site, RunIdentity run, StepWorkerParts parts) {
    this.task = task;
    this.step = step;
    this.site = site;
    this.run = run;
    this.parts = parts;
  }

  void run() {
    Map<String, Object> variables = task.getVariables();
    boolean dryRun = run.dryRun();
    Instant started = Instant.now();
    long recordId = parts.records().start(task.getProcessInstanceId(), task.getProcessDefinitionKey(),
        task.getActivityId(), task.getId(), site.name(), step.topic(), parts.properties().node(), started);
    ScheduledFuture<?> heartbeat = heartbeat(Thread.currentThread());
    // A fresh rendering runner per dry-run step: it keeps the commands it was given.
    shell = dryRun ? new RenderingShellRunner(parts.shellProperties()) : parts.shell();
    StepContext context = new StepContext(site, run, step.topic(), variables, shell,
        parts.properties().logDir().resolve(task.getProcessInstanceId()), parts.properties().timeoutOf(step.topic()));
    StepOutcome outcome;
    if (resumingPast(variables)) {
      heartbeat.cancel(false);
      outcome = StepOutcome.skipped("done before the failed step; not repeated on retry");
      record(recordId, context, outcome, false);
      handOver(context, outcome);
      return;
    }
    try {
      log.info("STEP-001 Site {}: step {} started (run {}{})", site.name(), step.topic(),
          task.getProcessInstanceId(), dryRun ? ", dry run" : "");
      outcome = step.execute(context);
    } catch (ShellSetupException e) {
      outcome = StepOutcome.failed(e.getMessage());
    } catch (RuntimeException e) {
      heartbeat.cancel(false);
      reportError(recordId, context, e);
      return;
    } finally {
      heartbeat.cancel(false);
    }
    record(recordId, context, outcome, dryRun);
    handOver(context, outcome);
  }

  /**
   * Renews the task's lock while the step runs. When the task is gone (the run was cancelled in
   * Cockpit), the step's thread is interrupted: the shell runner then kills the command's process tree.
   */
  /** On a retry, the steps before the failed one that already succeeded are not run again. */
  private boolean resumingPast(Map<String, Object> variables) {
    return Boolean.TRUE.equals(variables.get(StepVariables.RESUME_AFTER_FAILURE))
        && !task.getActivityId().equals(variables.get(StepVariables.FAILED_ACTIVITY))
        && parts.records().doneBefore(task.getProcessInstanceId(), task.getActivityId());
  }

  private ScheduledFuture<?> heartbeat(Thread stepThread) {
    long every = parts.properties().heartbeat().toMillis();
    return parts.scheduler().scheduleAtFixedRate(() -> {
      try {
        parts.engine().extendLock(task.getId(), parts.properties().node(),
            parts.properties().lockDuration().toMillis());
      } catch (NotFoundException e) {
        log.warn("STEP-006 Site {}: run {} was cancelled while step {} ran; stopping the step", site.name(),
            task.getProcessInstanceId(), step.topic());
        stepThread.interrupt();
        throw e; // ends this heartbeat
      } catch (RuntimeException e) {
        log.warn("STEP-004 Site {}: could not renew the lock of step {} (run {}): {}", site.name(),
            step.topic(), task.getProcessInstanceId(), e.getMessage());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  private void record(long recordId, StepContext context, StepOutcome outcome, boolean dryRun) {
    List<ShellResult> results = context.results();
    ShellResult last = results.isEmpty() ? null : results.get(results.size() - 1);
    StepRun.Status status = dryRun ? StepRun.Status.RENDERED : switch (outcome.status()) {
      case SUCCEEDED -> StepRun.Status.SUCCEEDED;
      case SKIPPED -> StepRun.Status.SKIPPED;
      case FAILED -> StepRun.Status.FAILED;
    };
    parts.records().finish(recordId, status, rendered(results), last == null ? null : last.exitStatus(),
        last == null ? null : last.logFile().toString(), last == null ? null : last.tail(), outcome.summary(),
        Instant.now());
    log.info("STEP-002 Site {}: step {} {} (run {}): {}", site.name(), step.topic(), status,
        task.getProcessInstanceId(), outcome.summary());
  }

  private void handOver(StepContext context, StepOutcome outcome) {
    ExternalTaskService engine = parts.engine();
    String worker = parts.properties().node();
    try {
      if (outcome.status() == StepOutcome.Status.FAILED) {
        engine.handleBpmnError(task.getId(), worker, StepErrors.STEP_FAILED, outcome.summary(),
            failureVariables(context, outcome));
      } else {
        Map<String, Object> variables = new HashMap<>(outcome.variables());
        if (task.getActivityId().equals(context.variable(StepVariables.FAILED_ACTIVITY, String.class).orElse(null))) {
          // The failed step has run again: the steps after it run normally.
          variables.put(StepVariables.RESUME_AFTER_FAILURE, false);
        }
        engine.complete(task.getId(), worker, variables);
      }
    } catch (RuntimeException e) {
      // The run may have been deleted in Cockpit meanwhile; the record above stays.
      log.warn("STEP-005 Site {}: the engine did not take the outcome of step {} (run {}): {}", site.name(),
          step.topic(), task.getProcessInstanceId(), e.getMessage());
    }
  }

  private Map<String, Object> failureVariables(StepContext context, StepOutcome outcome) {
    List<ShellResult> results = context.results();
    ShellResult last = results.isEmpty() ? null : results.get(results.size() - 1);
    Map<String, Object> variables = new HashMap<>(outcome.variables());
    variables.put(StepVariables.FAILED_STEP, step.topic());
    variables.put(StepVariables.FAILED_ACTIVITY, task.getActivityId());
    variables.put(StepVariables.FAILURE_MESSAGE, lastChars("Step " + step.topic() + " failed on site "
        + site.name() + ": " + outcome.summary()));
    variables.put(StepVariables.FAILURE_EXIT_STATUS, last == null ? null : last.exitStatus());
    variables.put(StepVariables.FAILURE_LOG_TAIL, last == null ? "" : lastChars(last.tail()));
    variables.put(StepVariables.FAILURE_LOG_PATH, last == null ? "" : last.logFile().toString());
    return variables;
  }

  /** A technical error, not a failed command: an incident in Cockpit, retried only if harmless. */
  private void reportError(long recordId, StepContext context, RuntimeException e) {
    String message = "Step " + step.topic() + " on site " + site.name() + " broke: " + e.getMessage();
    log.error("STEP-003 {} (run {})", message, task.getProcessInstanceId(), e);
    List<ShellResult> results = context.results();
    parts.records().finish(recordId, StepRun.Status.ERROR, rendered(results), null, null, null, message,
        Instant.now());
    int retries = step.changesSite() ? 0 : remainingRetries();
    try {
      parts.engine().handleFailure(task.getId(), parts.properties().node(), lastChars(message),
          stackTrace(e), retries, 10_000L);
    } catch (RuntimeException engineError) {
      log.warn("STEP-005 Site {}: the engine did not take the failure of step {}: {}", site.name(),
          step.topic(), engineError.getMessage());
    }
  }

  private int remainingRetries() {
    Integer retries = task.getRetries();
    return retries == null ? READ_ONLY_RETRIES : Math.max(0, retries - 1);
  }

  private String rendered(List<ShellResult> results) {
    return results.isEmpty() ? null
        : results.stream().map(r -> shell.render(r.command())).collect(Collectors.joining("\n"));
  }

  static String lastChars(String text) {
    if (text == null || text.length() <= MAX_VARIABLE_CHARS) {
      return text;
    }
    return "..." + text.substring(text.length() - MAX_VARIABLE_CHARS);
  }

  private static String stackTrace(Throwable e) {
    var out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }
}

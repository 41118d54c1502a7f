package org.linoconductor.step;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands a finished step's result to the engine, from its record. A step whose command has ended is
 * never executed again automatically, whatever the engine answers: a refusal (instance suspended,
 * lock lost, a conflict with a parallel branch) leaves the result PENDING in the record, and it is
 * reported again when the worker is idle, when the task is fetched again, and after a restart.
 */
@Component
class ResultReporter {

  private static final Logger log = LoggerFactory.getLogger(ResultReporter.class);
  /** Two parallel branches joining at once: the loser's transaction is simply tried again. */
  private static final int CONFLICT_ATTEMPTS = 10;

  private final ExternalTaskService engine;
  private final StepRunRepository records;
  private final StepProperties properties;
  private final TransactionTemplate transactions;
  /** Records being reported right now: the idle retry and a fetch of the same task must not both. */
  private final Set<Long> reporting = ConcurrentHashMap.newKeySet();

  ResultReporter(ExternalTaskService engine, StepRunRepository records, StepProperties properties,
      TransactionTemplate transactions) {
    this.engine = engine;
    this.records = records;
    this.properties = properties;
    this.transactions = transactions;
  }

  /**
   * The result of a finished step, as recorded, and where it goes.
   *
   * @param worker the worker id that holds the task's lock: this node's, or a step agent's
   */
  record Result(long id, String externalTaskId, String processInstanceId, String site, String step,
      String reportNote, Handover handover, String worker) {}

  /**
   * Reports the recorded result of {@code run} as the worker that holds its task now (this node when it
   * fetched the task again; the step agent whose step it was; this node when the lock is free); whether
   * the engine has taken it.
   */
  boolean report(StepRun run) {
    ExternalTask task = run.externalTaskId() == null ? null
        : engine.createExternalTaskQuery().externalTaskId(run.externalTaskId()).singleResult();
    String worker = task == null || task.getWorkerId() == null ? properties.node() : task.getWorkerId();
    return report(new Result(run.id(), run.externalTaskId(), run.processInstanceId(), run.site(), run.step(),
        run.reportNote(), records.handover(run.id()), worker));
  }

  /** Reports a result just recorded; whether the engine has taken it. */
  boolean report(Result run) {
    if (run.externalTaskId() == null) {
      records.gone(run.id(), "not reported: the record names no task");
      return false;
    }
    if (!reporting.add(run.id())) {
      return false;
    }
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          // one transaction: the record says REPORTED exactly when the engine has taken the result
          transactions.executeWithoutResult(status -> {
            run.handover().deliver(engine, run.externalTaskId(), run.worker());
            records.reported(run.id(), run.reportNote() == null ? null
                : run.reportNote() + "; reported at " + Instant.now(), Instant.now());
          });
          if (run.reportNote() != null) {
            log.info("STEP-008 Site {}: the result of step {} (run {}) was reported after the engine had refused"
                + " it; the step was not run again", run.site(), run.step(), run.processInstanceId());
          }
          return true;
        } catch (OptimisticLockingException e) {
          if (attempt == CONFLICT_ATTEMPTS) {
            refused(run, e);
            return false;
          }
        } catch (NotFoundException e) {
          records.gone(run.id(), "not reported: the task no longer exists (" + e.getMessage()
              + "): the run was cancelled or deleted, or a parallel step's failure ended this part of it");
          log.warn("STEP-005 Site {}: the outcome of step {} (run {}) was not reported, the task is gone: {}",
              run.site(), run.step(), run.processInstanceId(), e.getMessage());
          return false;
        } catch (RuntimeException e) {
          refused(run, e);
          return false;
        }
      }
    } finally {
      reporting.remove(run.id());
    }
  }

  /**
   * Reports again every result of this node the engine has not taken yet, and those of step agents (as the
   * agent holding the task): an agent's result refused while its run was suspended is taken once the run is
   * active again, whether or not the agent is still there.
   */
  void retryPending() {
    for (StepRun run : records.pendingFor(properties.node())) {
      report(run);
    }
  }

  private void refused(Result run, RuntimeException e) {
    if (run.reportNote() == null) {
      records.refused(run.id(), "refused by the engine at " + Instant.now() + " (" + e.getMessage()
          + "); the result is kept and reported again, the step is not run again");
      log.warn("STEP-007 Site {}: the engine refused the outcome of step {} (run {}): {}. It is reported again"
          + " when the engine takes it (e.g. once the run is activated); the step is not run again.", run.site(),
          run.step(), run.processInstanceId(), e.getMessage());
    } else {
      log.debug("STEP-007 Site {}: outcome of step {} (run {}) still refused: {}", run.site(), run.step(),
          run.processInstanceId(), e.getMessage());
    }
  }
}

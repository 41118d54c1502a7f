package org.linoconductor.preview;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.springframework.stereotype.Component;

/**
 * How far preview-sync runs have got. A run waiting for an operator (a decision task, or an incident)
 * does no work: for the nightly run it has failed, and it takes no place among the concurrent syncs.
 */
@Component
class SyncRuns {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final AuditTrail audit;

  SyncRuns(RuntimeService runtime, TaskService tasks, AuditTrail audit) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.audit = audit;
  }

  record Progress(Result result, String detail) {}

  /** STARTED while the run works, else SYNCED or FAILED with how it ended or where it waits. */
  Progress of(String syncRun) {
    if (runtime.createProcessInstanceQuery().processInstanceId(syncRun).count() == 0) {
      RunOutcome outcome = audit.run(syncRun).map(RunRecord::outcome).orElse(null);
      return outcome == RunOutcome.SUCCEEDED ? new Progress(Result.SYNCED, "run " + syncRun + " succeeded")
          : new Progress(Result.FAILED, "run " + syncRun + " ended " + (outcome == null ? "without a record" : outcome));
    }
    Task waiting = tasks.createTaskQuery().processInstanceId(syncRun).list().stream().findFirst().orElse(null);
    if (waiting != null) {
      return new Progress(Result.FAILED, "run " + syncRun + " waits at \"" + waiting.getName()
          + "\" for an operator (Tasklist)");
    }
    if (runtime.createIncidentQuery().processInstanceId(syncRun).count() > 0) {
      return new Progress(Result.FAILED, "run " + syncRun + " has an incident (Cockpit)");
    }
    return new Progress(Result.STARTED, "run " + syncRun + " is working");
  }

  /** How many preview-sync runs work now, however they were started. */
  long working() {
    return runtime.createProcessInstanceQuery().processDefinitionKey(PreviewSyncProcess.KEY).active().list()
        .stream().filter(run -> of(run.getId()).result() == Result.STARTED).count();
  }
}

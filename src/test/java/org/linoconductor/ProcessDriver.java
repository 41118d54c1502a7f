package org.linoconductor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.linoconductor.step.StepErrors;
import org.linoconductor.step.StepVariables;

/**
 * Plays the step worker (and the job executor) in process tests ({@link ConductorProcessTest}):
 * locks a run's waiting external task as {@link ConductorProcessTest#WORKER} and completes it with
 * the variables a step would set, or throws STEP_FAILED with a step's failure variables; completes
 * user tasks; executes timer and async jobs; drives a called run to its end.
 */
public final class ProcessDriver {

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ExternalTaskService externalTasks;
  private final ManagementService management;

  public ProcessDriver(RuntimeService runtime, TaskService tasks, ExternalTaskService externalTasks,
      ManagementService management) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.externalTasks = externalTasks;
    this.management = management;
  }

  /**
   * The external task the run waits at; where parallel steps wait (collectstatic and checkdata), the
   * first by activity id, so that a test passes them in a known order.
   */
  public ExternalTask waiting(ProcessInstance run) {
    List<ExternalTask> waiting = externalTasks.createExternalTaskQuery().processInstanceId(run.getId()).list();
    assertThat(waiting).as("an external task of run %s", run.getId()).isNotEmpty();
    return waiting.stream().min(java.util.Comparator.comparing(ExternalTask::getActivityId)).orElseThrow();
  }

  /** Locks the run's waiting external task as the worker would (by topic and the run's site). */
  public LockedExternalTask lock(ProcessInstance run) {
    return lock(run, waiting(run));
  }

  private LockedExternalTask lock(ProcessInstance run, ExternalTask waiting) {
    String site = (String) runtime.getVariable(run.getId(), StepVariables.SITE);
    List<LockedExternalTask> locked = externalTasks.fetchAndLock(10, ConductorProcessTest.WORKER)
        .topic(waiting.getTopicName(), 60_000).processInstanceVariableEquals(StepVariables.SITE, site).execute()
        .stream().filter(t -> t.getProcessInstanceId().equals(run.getId())).toList();
    assertThat(locked).hasSize(1);
    return locked.get(0);
  }

  /** Completes the waiting step, which must be {@code activity}, with {@code variables}; returns its topic. */
  public String pass(ProcessInstance run, String activity, Map<String, Object> variables) {
    LockedExternalTask task = lock(run);
    assertThat(task.getActivityId()).isEqualTo(activity);
    return complete(task, variables);
  }

  /**
   * Completes a locked task as the worker does: with {@code variables}, and when it is the step a
   * retry resumed at, clearing the resume flag so that the steps after it run. Returns its topic.
   */
  public String complete(LockedExternalTask task, Map<String, Object> variables) {
    Map<String, Object> all = new HashMap<>(variables);
    if (task.getActivityId().equals(task.getVariables().get(StepVariables.FAILED_ACTIVITY))) {
      all.put(StepVariables.RESUME_AFTER_FAILURE, false);
    }
    externalTasks.complete(task.getId(), ConductorProcessTest.WORKER, all);
    return task.getTopicName();
  }

  /** Completes whatever step the run waits at, with no variables; returns its topic. */
  public String passWaiting(ProcessInstance run) {
    return complete(lock(run), Map.of());
  }

  /** Completes the waiting steps, which must be {@code activities} in this order, with no variables. */
  public List<String> passAll(ProcessInstance run, String... activities) {
    return List.of(activities).stream().map(activity -> pass(run, activity, Map.of())).toList();
  }

  /** The waiting step, which must be {@code activity}, fails as the worker reports a failed command. */
  public void fail(ProcessInstance run, String activity, String summary) {
    fail(run, activity, summary, "");
  }

  /** {@link #fail(ProcessInstance, String, String)} with the message saying where, e.g. " on site anna". */
  public void fail(ProcessInstance run, String activity, String summary, String where) {
    fail(run, activity, summary, where, Map.of());
  }

  /** {@link #fail(ProcessInstance, String, String, String)} with variables of the step's own, e.g. a count. */
  public void fail(ProcessInstance run, String activity, String summary, String where,
      Map<String, Object> stepVariables) {
    // the step named, also where other steps wait beside it
    ExternalTask waiting = externalTasks.createExternalTaskQuery().processInstanceId(run.getId()).activityId(activity)
        .singleResult();
    assertThat(waiting).as("an external task of run %s at %s", run.getId(), activity).isNotNull();
    LockedExternalTask task = lock(run, waiting);
    Map<String, Object> variables = new HashMap<>(stepVariables);
    variables.putAll(Map.of(StepVariables.FAILED_STEP, task.getTopicName(), StepVariables.FAILED_ACTIVITY, activity,
        StepVariables.FAILURE_MESSAGE, "Step " + task.getTopicName() + " failed" + where + ": " + summary,
        StepVariables.FAILURE_EXIT_STATUS, 1, StepVariables.FAILURE_LOG_TAIL, summary,
        StepVariables.FAILURE_LOG_PATH, "/tmp/" + activity + ".log"));
    externalTasks.handleBpmnError(task.getId(), ConductorProcessTest.WORKER, StepErrors.STEP_FAILED, summary,
        variables);
  }

  /** The run's open user task {@code taskKey}. */
  public Task task(ProcessInstance run, String taskKey) {
    Task task = tasks.createTaskQuery().processInstanceId(run.getId()).taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("user task %s of run %s", taskKey, run.getId()).isNotNull();
    return task;
  }

  public void decide(ProcessInstance run, String taskKey, Map<String, Object> variables) {
    tasks.complete(task(run, taskKey).getId(), variables);
  }

  /** The run's one job (a timer or an asynchronous continuation), executed as the job executor would. */
  public Job executeJob(ProcessInstance run) {
    Job job = management.createJobQuery().processInstanceId(run.getId()).singleResult();
    assertThat(job).as("a job of run %s", run.getId()).isNotNull();
    management.executeJob(job.getId());
    return job;
  }

  /** Completes the external tasks of the run {@code caller} called, whatever they are, until it ends. */
  public void completeCalled(ProcessInstance caller) {
    for (int i = 0; i < 100; i++) {
      ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
          .singleResult();
      if (called == null) {
        return;
      }
      if (externalTasks.createExternalTaskQuery().processInstanceId(called.getId()).count() == 0) {
        throw new AssertionError("run " + called.getId() + " waits, but not at an external task");
      }
      passWaiting(called);
    }
    throw new AssertionError("the called run did not end after 100 steps");
  }
}

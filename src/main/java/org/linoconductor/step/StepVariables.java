package org.linoconductor.step;

/** Process variables every step-running process shares; the BPMN files and forms use these names. */
public final class StepVariables {

  /**
   * Start variable: the name of the site the run works on. Read once, at the start; afterwards the
   * run's record ({@link RunIdentities}) says it, the variable is a copy for forms and Cockpit.
   */
  public static final String SITE = "site";
  /** Start variable (a Boolean): render every command into the run's record, execute nothing. Like {@link #SITE}. */
  public static final String DRY_RUN = "dryRun";

  /** Set when a step failed: the step's topic, a readable message, exit status, log tail and path. */
  public static final String FAILED_STEP = "failedStep";
  public static final String FAILURE_MESSAGE = "failureMessage";
  public static final String FAILURE_EXIT_STATUS = "failureExitStatus";
  public static final String FAILURE_LOG_TAIL = "failureLogTail";
  public static final String FAILURE_LOG_PATH = "failureLogPath";
  /**
   * How the failed step's last command ended, as the decision forms say it: its exit status, or that the
   * step ran no command (a check made by Conductor itself, e.g. of the snapshot), so there is no log either.
   */
  public static final String FAILURE_COMMAND = "failureCommand";
  /** The BPMN activity id of the failed step: where a retry resumes. */
  public static final String FAILED_ACTIVITY = "failedActivity";

  /**
   * Set on a retry flow (by an execution listener in the diagram): steps that already succeeded in
   * this run before the failed one are skipped, so a retry resumes at the failed step instead of,
   * say, taking a new snapshot of a half-restored database.
   */
  public static final String RESUME_AFTER_FAILURE = "resumeAfterFailure";

  /** The operator's choice on a failed step: {@code retry} or {@code abort} (some processes add more). */
  public static final String ACTION = "action";
  public static final String COMMENT = "comment";

  /**
   * Why a step of a run on a host has not started: no agent of that host is connected, or none runs the
   * step (agent.AgentWaitingNote), for Cockpit's variables; removed once an agent starts the step.
   */
  public static final String WAITING_FOR = "waitingFor";

  private StepVariables() {}
}

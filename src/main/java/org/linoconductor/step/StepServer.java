package org.linoconductor.step;

import java.util.List;
import java.util.Optional;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.site.Site;

/**
 * The central Conductor as a step agent sees it: it records the agent's steps and tells the engine
 * their outcome (agent.ServerConnection, over {@code /api/agent}).
 */
public interface StepServer {

  /**
   * What the server says about a task the agent has fetched: the step's record, the run's site and
   * identity as recorded at its start, and whether the step is to be skipped (done before a failed one).
   */
  record Assignment(long record, Site site, RunIdentity run, boolean skip) {}

  /** A step of this agent that the server's record says is still RUNNING, with its command's session. */
  record Unfinished(long record, String run, String site, String step, ProcessSession session) {}

  /**
   * @return the assignment, or empty when the server will not have the task run: its step was
   *     started before and is not run again (the server sends it to its decision)
   */
  Optional<Assignment> start(String externalTaskId);

  void sessionStarted(long record, ProcessSession session);

  /** The last lines of the running step's current log, {@code content} starting at byte {@code from} of {@code log}. */
  void liveLog(long record, String log, long from, String content);

  void finish(long record, StepReport report);

  /** The steps this agent left RUNNING (it was stopped or crashed in the middle of them). */
  List<Unfinished> unfinished();

  /** A step found RUNNING at the agent's start: what was left of it, for its decision. */
  void interrupted(long record, String leftovers, String tail);
}

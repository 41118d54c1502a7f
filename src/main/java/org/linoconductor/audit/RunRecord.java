package org.linoconductor.audit;

import java.time.Instant;
import java.util.List;

/** One run as the audit keeps it: who started it, how it ended, and every decision taken in it. */
public record RunRecord(
    String processInstanceId,
    String processKey,
    String site,
    String startedBy,
    Instant startedAt,
    boolean dryRun,
    Instant endedAt,
    RunOutcome outcome,
    String endActivity,
    String endReason,
    List<Decision> decisions) {

  static RunRecord of(RunSummary run, List<Decision> decisions) {
    return new RunRecord(run.processInstanceId(), run.processKey(), run.site(), run.startedBy(), run.startedAt(),
        run.dryRun(), run.endedAt(), run.outcome(), run.endActivity(), run.endReason(), decisions);
  }

  /**
   * One completed user task: who, when, which choice, what the decider saw then (e.g. the time left
   * of an attempt; may be null), which comment.
   */
  public record Decision(String taskKey, String taskName, String decidedBy, Instant decidedAt, String choice,
      String context, String comment) {}
}

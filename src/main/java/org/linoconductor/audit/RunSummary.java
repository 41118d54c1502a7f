package org.linoconductor.audit;

import java.time.Duration;
import java.time.Instant;

/** One run in a list: the columns of {@code run_record}. */
record RunSummary(
    String processInstanceId,
    String processKey,
    String site,
    String startedBy,
    Instant startedAt,
    boolean dryRun,
    Instant endedAt,
    RunOutcome outcome,
    String endActivity,
    String endReason) {

  /** How long it ran; null while it runs. */
  public Long durationSeconds() {
    return endedAt == null ? null : Duration.between(startedAt, endedAt).toSeconds();
  }
}

package org.linoconductor.step;

import java.time.Instant;
import java.util.Map;

/** Writes step records as the worker would, for process tests that run without it. */
public final class StepRecords {

  private StepRecords() {}

  /** A finished record of a step that rendered {@code command} (null: none) in a dry run. */
  public static void rendered(StepRunRepository records, String processInstanceId, String processKey,
      String activityId, String site, String topic, String command, String summary) {
    long id = records.start(processInstanceId, processKey, activityId, null, site, topic, "test", Instant.now());
    records.finish(id, StepRun.Status.RENDERED, command, null, null, null, summary, Instant.now(),
        Handover.complete(Map.of()));
    records.reported(id, null, Instant.now());
  }
}

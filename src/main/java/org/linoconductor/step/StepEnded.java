package org.linoconductor.step;

import java.time.Duration;

/**
 * Published (as a Spring event) when a step run by this node's worker has ended and its record is
 * written, before the engine hears of it: for the metrics, which count what the record already holds.
 */
public record StepEnded(String processKey, String step, String site, StepRun.Status status, Duration duration) {}

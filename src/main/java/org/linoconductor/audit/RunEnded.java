package org.linoconductor.audit;

/** Published (as a Spring event) when a run has ended and its record is written. */
public record RunEnded(String processInstanceId, String processKey, String site, RunOutcome outcome) {}

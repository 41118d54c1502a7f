package org.linoconductor.audit;

/** Published (as a Spring event, in the engine's transaction) when a run has started and is recorded. */
public record RunStarted(String processInstanceId, String processKey, String site) {}

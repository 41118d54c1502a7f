package org.linoconductor.audit;

/**
 * How a run ended, as the record keeps it. End events name theirs with the property
 * {@code outcome}; a run deleted in Cockpit is {@link #CANCELLED}.
 */
public enum RunOutcome {
  SUCCEEDED, ROLLED_BACK, CANCELLED, TIMED_OUT, ABORTED, FAILED, DRY_RUN;
}

package org.linoconductor.audit;

/**
 * How a run ended, as the record keeps it. End events name theirs with the property
 * {@code outcome}; a run deleted in Cockpit is {@link #CANCELLED}. {@link #SITE_DOWN}: the run
 * ended and left the site's services stopped (an abort that kept them stopped, or could not start
 * them again).
 */
public enum RunOutcome {
  SUCCEEDED, ROLLED_BACK, CANCELLED, TIMED_OUT, ABORTED, SITE_DOWN, FAILED, DRY_RUN;
}

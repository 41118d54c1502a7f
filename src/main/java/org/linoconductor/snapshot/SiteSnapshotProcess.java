package org.linoconductor.snapshot;

/** Ids of {@code processes/site-snapshot.bpmn}; a test checks each exists in the diagram. */
public final class SiteSnapshotProcess {

  public static final String KEY = "site-snapshot";

  /** Flow nodes the tests and the Java code refer to. */
  public static final class Elements {
    public static final String SNAPSHOT_REQUESTED = "SnapshotRequested";
    public static final String TAKE_SNAPSHOT = "TakeSnapshot";
    public static final String MAKE_SNAPSHOT = "MakeSnapshot";
    public static final String VERIFY_SNAPSHOT = "VerifySnapshot";
    public static final String SNAPSHOT_STEP_FAILED = "SnapshotStepFailed";
    public static final String DECIDE_ON_FAILED_SNAPSHOT = "DecideOnFailedSnapshot";
    public static final String SNAPSHOT_MADE = "SnapshotMade";
    public static final String SNAPSHOT_ABANDONED = "SnapshotAbandoned";

    private Elements() {}
  }

  /** Topics of the external tasks; each belongs to one step class. */
  public static final class Topics {
    public static final String MAKE_SNAPSHOT = "make-snapshot";
    public static final String VERIFY_SNAPSHOT = "verify-snapshot";

    private Topics() {}
  }

  /** Variables this process adds to those of {@link org.linoconductor.step.StepVariables}. */
  public static final class Variables {
    public static final String SNAPSHOT_PATH = "snapshotPath";
    public static final String SNAPSHOT_SIZE = "snapshotSize";
    /** Start variable: a snapshot much smaller than the last good one is accepted (the data shrank). */
    public static final String ACCEPT_SMALLER_SNAPSHOT = "acceptSmallerSnapshot";

    private Variables() {}
  }

  /** Camunda Forms deployed from {@code processes/}. */
  public static final class Forms {
    public static final String STEP_FAILED = "step-failed";

    private Forms() {}
  }

  private SiteSnapshotProcess() {}
}

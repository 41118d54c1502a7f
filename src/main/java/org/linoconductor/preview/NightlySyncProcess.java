package org.linoconductor.preview;

/** Ids of {@code processes/nightly-sync.bpmn}; a test checks each exists in the diagram. */
public final class NightlySyncProcess {

  public static final String KEY = "nightly-sync";

  /** Flow nodes. */
  public static final class Elements {
    public static final String EVERY_NIGHT = "EveryNight";
    public static final String LIST_NIGHTLY_PREVIEWS = "ListNightlyPreviews";
    public static final String START_SYNCS = "StartSyncs";
    public static final String ALL_SYNCS_DONE = "AllSyncsDone";
    public static final String WAIT_FOR_SYNCS = "WaitForSyncs";
    public static final String RUN_CHANGED = "RunChanged";
    public static final String MINUTE_PASSED = "MinutePassed";
    public static final String REPORT_NIGHTLY_SYNC = "ReportNightlySync";
    public static final String NIGHTLY_SYNC_DONE = "NightlySyncDone";

    private Elements() {}
  }

  /** Variables of a nightly run; the results themselves are in {@link NightlySyncResults}. */
  public static final class Variables {
    /** Set by Start syncs: no preview is pending and no started sync still works. */
    public static final String ALL_SYNCS_DONE = "allSyncsDone";
    /** Set by the report, for Cockpit: the sites, comma-separated. */
    public static final String SYNCED = "synced";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    private Variables() {}
  }

  /** Messages the night waits for. */
  public static final class Messages {
    /** Sent by {@link NightlyWakeUp}: some run ended, or began to wait for a decision or an operator. */
    public static final String RUN_CHANGED = "nightly-sync-run-changed";

    private Messages() {}
  }

  private NightlySyncProcess() {}
}

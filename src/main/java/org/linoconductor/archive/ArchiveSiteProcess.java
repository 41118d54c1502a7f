package org.linoconductor.archive;

/** Ids of {@code processes/archive-site.bpmn}; a test checks each exists in the diagram. */
public final class ArchiveSiteProcess {

  public static final String KEY = "archive-site";

  /** Flow nodes the tests and the Java code refer to. */
  public static final class Elements {
    public static final String ARCHIVE_REQUESTED = "ArchiveRequested";
    public static final String ARCHIVE_SITE_DIRECTORY = "ArchiveSiteDirectory";
    public static final String ARCHIVE_STEP_FAILED = "ArchiveStepFailed";
    public static final String DECIDE_ON_FAILED_ARCHIVE = "DecideOnFailedArchive";
    public static final String RETRY_OR_ABORT = "RetryOrAbort";
    public static final String DRY_RUN_OR_ARCHIVED = "DryRunOrArchived";
    public static final String SITE_ARCHIVED = "SiteArchived";
    public static final String DRY_RUN_DONE = "DryRunDone";
    public static final String ARCHIVE_ABANDONED = "ArchiveAbandoned";

    private Elements() {}
  }

  /** Topics of the external tasks; each belongs to one step class. */
  public static final class Topics {
    public static final String ARCHIVE_SITE_DIRECTORY = "archive-site-directory";

    private Topics() {}
  }

  /** Variables this process adds to those of {@link org.linoconductor.step.StepVariables}. */
  public static final class Variables {
    /** Where the site's directory went (or would go, in a dry run). */
    public static final String ARCHIVED_TO = "archivedTo";

    private Variables() {}
  }

  /** Camunda Forms deployed from {@code processes/}. */
  public static final class Forms {
    public static final String STEP_FAILED = "step-failed";

    private Forms() {}
  }

  private ArchiveSiteProcess() {}
}

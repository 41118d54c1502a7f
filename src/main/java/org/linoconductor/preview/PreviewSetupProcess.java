package org.linoconductor.preview;

/**
 * Ids of {@code processes/preview-setup.bpmn}, the seed "Preview sites", part "Setting up a
 * preview site"; a test checks each exists in the diagram.
 *
 * <p>The run's {@code site} is the production site (the run locks it, and every step's shell runs
 * there); the new site is the start parameter {@code newSite} (from the run's record), a directory
 * {@code <root>/<newSite>} that the run creates and marks as its own ({@link NewSite#MARKER}).
 */
public final class PreviewSetupProcess {

  public static final String KEY = "preview-setup";
  /** The process the first sync calls (built by the preview-sync feature). */
  public static final String SYNC_KEY = "preview-sync";

  /** Flow nodes, in the seed's order. */
  public static final class Elements {
    public static final String SETUP_REQUESTED = "SetupRequested";
    public static final String PREPARE_COPY = "PrepareCopy";
    public static final String CHECK_SPACE = "CheckSpace";
    public static final String COPY_SITE = "CopySite";
    public static final String DUMP_PRODUCTION = "DumpProduction";
    public static final String LINK_LOG = "LinkLog";
    public static final String REPLACE_NAMES = "ReplaceNames";
    public static final String PREPARE_STEP_FAILED = "PrepareStepFailed";
    public static final String REVIEW_REPLACEMENTS = "reviewReplacements";
    public static final String REPLACEMENTS_APPROVED = "ReplacementsApproved";
    public static final String FINISH_SETUP = "FinishSetup";
    public static final String MAKE_ENV = "MakeEnv";
    public static final String PULL_CODE = "PullNewCode";
    public static final String CREATE_DATABASE = "CreateDatabase";
    public static final String COLLECT_STATIC = "CollectStatic";
    public static final String REGISTER_PREVIEW = "RegisterPreview";
    public static final String SYNCED_ALREADY = "SyncedAlready";
    public static final String FIRST_SYNC = "FirstSync";
    public static final String SYNCED = "Synced";
    public static final String WRITE_VHOST = "WriteVhost";
    public static final String SWITCH_PREVIEW_LINK = "SwitchPreviewLink";
    public static final String FINISH_STEP_FAILED = "FinishStepFailed";
    public static final String DRY_RUN_OR_READY = "DryRunOrReady";
    public static final String PREVIEW_READY = "PreviewReady";
    public static final String DRY_RUN_DONE = "DryRunDone";
    public static final String STEP_FAILED = "stepFailed";
    public static final String FAILURE_ACTION = "FailureAction";
    public static final String REMOVE_PREVIEW = "RemovePreview";
    public static final String WHY_REMOVED = "WhyRemoved";
    public static final String REPLACEMENTS_REFUSED = "ReplacementsRefused";
    public static final String SETUP_ABORTED = "SetupAborted";
    public static final String REMOVE_STEP_FAILED = "RemoveStepFailed";
    public static final String CLEANUP_FAILED = "cleanupFailed";
    public static final String CLEANUP_RETRY = "CleanupRetry";
    public static final String CLEANUP_ABANDONED = "CleanupAbandoned";

    private Elements() {}
  }

  /**
   * External-task topics, one step class each. Prefixed {@code setup-}: the production site's own
   * steps (collect-static, pull-code) work in the site's directory, these in the new one.
   */
  public static final class Topics {
    public static final String CHECK_SPACE = "setup-check-space";
    public static final String COPY_SITE = "setup-copy-site";
    public static final String DUMP_PRODUCTION = "setup-dump-production";
    public static final String LINK_LOG = "setup-link-log";
    public static final String REPLACE_NAMES = "setup-replace-names";
    public static final String MAKE_ENV = "setup-make-env";
    public static final String PULL_CODE = "setup-pull-code";
    public static final String CREATE_DATABASE = "setup-create-database";
    public static final String COLLECT_STATIC = "setup-collect-static";
    public static final String REGISTER_PREVIEW = "setup-register-preview";
    public static final String WRITE_VHOST = "setup-write-vhost";
    public static final String SWITCH_PREVIEW_LINK = "setup-switch-preview-link";
    public static final String REMOVE_PREVIEW = "remove-preview";

    private Topics() {}
  }

  /** Variables of this process beyond {@link org.linoconductor.step.StepVariables}. */
  public static final class Variables {
    /** Start variable: the neutral name of the new site (a directory in production's root). */
    public static final String NEW_SITE = "newSite";
    /** Optional start variable: the release notes page, recorded in the registry. */
    public static final String RELEASE_NOTES_URL = "releaseNotesUrl";
    /** Set by replace-names: the unified diff (truncated for the form) and where the full one is. */
    public static final String REPLACEMENTS_DIFF = "replacementsDiff";
    public static final String REPLACEMENTS_DIFF_PATH = "replacementsDiffPath";
    /** Set by replace-names: the files changed, comma-separated. */
    public static final String REPLACED_FILES = "replacedFiles";
    /** Review form: whether the replacements are right. */
    public static final String APPROVED = "approved";
    /** Set by link-log when it made the new site's log directory: remove-preview deletes it. */
    public static final String CREATED_LOG_DIR = "createdLogDir";
    /** The snapshot archive directory the run made for the new site (removed again on abort). */
    public static final String CREATED_ARCHIVE_DIR = "createdArchiveDir";
    /** Set by create-database when it created a server database: remove-preview drops it. */
    public static final String CREATED_DATABASE = "createdDatabase";
    /** Set by register-preview: the new site is registered by this run. */
    public static final String REGISTERED = "previewRegistered";
    /** Set when the first sync ended: a retry does not sync again. */
    public static final String FIRST_SYNC_DONE = "firstSyncDone";
    /** Set by write-vhost: the vhost file it wrote. */
    public static final String VHOST_FILE = "vhostFile";
    /** Set by switch-preview-link: where preview pointed before ("" when there was no link). */
    public static final String PREVIOUS_PREVIEW = "previousPreview";
    /** Set on the flow out of each error boundary: which sub-process a retry re-enters. */
    public static final String FAILED_PART = "failedPart";

    private Variables() {}
  }

  /** Values of {@link Variables#FAILED_PART}. */
  public static final class Parts {
    public static final String PREPARE = "prepare";
    public static final String FINISH = "finish";

    private Parts() {}
  }

  /** Values of {@link org.linoconductor.step.StepVariables#ACTION} on the step-failed form. */
  public static final class Actions {
    public static final String RETRY = "retry";
    public static final String ABORT = "abort";

    private Actions() {}
  }

  /** Camunda Forms deployed from {@code processes/}. */
  public static final class Forms {
    public static final String REVIEW_REPLACEMENTS = "review-replacements";
    public static final String STEP_FAILED = "step-failed";

    private Forms() {}
  }

  private PreviewSetupProcess() {}
}

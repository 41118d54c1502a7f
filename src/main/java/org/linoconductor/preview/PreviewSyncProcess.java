package org.linoconductor.preview;

import org.linoconductor.lino.RestoreScript;
import org.linoconductor.upgrade.ProductionUpgradeProcess;

/**
 * Ids of {@code processes/preview-sync.bpmn}, the seed's {@code initdb_from_prod.sh} as steps; a
 * test checks each exists in the diagram.
 */
public final class PreviewSyncProcess {

  public static final String KEY = "preview-sync";

  /** Flow nodes, in the order of {@code initdb_from_prod.sh}. */
  public static final class Elements {
    public static final String SYNC_REQUESTED = "SyncRequested";
    public static final String SYNC_PREVIEW = "SyncPreview";
    public static final String CHECK_PROGRAMS = "CheckPrograms";
    public static final String LOG_SYNC_START = "LogSyncStart";
    public static final String DUMP_PRODUCTION = "DumpProduction";
    public static final String MIRROR_FILES = "MirrorFiles";
    public static final String RESTORE_TO_PREVIEW = "RestoreToPreview";
    public static final String COLLECT_STATIC = "CollectStatic";
    public static final String LOG_SYNC_END = "LogSyncEnd";
    public static final String SYNC_STEP_FAILED = "SyncStepFailed";
    public static final String RESTORE_FAILED = "RestoreFailed";
    public static final String ADAPT_RESTORE_SCRIPT = "adaptRestoreScript";
    public static final String RETRY_AFTER_ADAPTING = "RetryAfterAdapting";
    public static final String SYNC_FAILED = "syncFailed";
    public static final String RETRY_FAILED_SYNC = "RetryFailedSync";
    public static final String PREVIEW_SYNCED = "PreviewSynced";
    public static final String SYNC_ABORTED = "SyncAborted";

    private Elements() {}
  }

  /** External-task topics: one step class each; collect-static is the upgrade's step. */
  public static final class Topics {
    public static final String CHECK_PROGRAMS = "sync-check-programs";
    public static final String LOG_SYNC_START = "log-sync-start";
    public static final String DUMP_PRODUCTION = "dump-production";
    public static final String MIRROR_FILES = "mirror-files";
    public static final String RESTORE_TO_PREVIEW = "restore-to-preview";
    public static final String COLLECT_STATIC = ProductionUpgradeProcess.Topics.COLLECT_STATIC;
    public static final String LOG_SYNC_END = "log-sync-end";

    private Topics() {}
  }

  /** Variables of this process beyond {@link org.linoconductor.step.StepVariables}. */
  public static final class Variables {
    /** Set at the start from table preview_site: the production site this preview mirrors. */
    public static final String PRODUCTION_SITE = "productionSite";
    /** Set at the start: production's restore2preview.py, the file an operator adapts. */
    public static final String RESTORE_SCRIPT = "restoreScript";
    /** Set by restore-to-preview when the restore abandoned objects: how many. */
    public static final String UNSAVED_INSTANCES = RestoreScript.UNSAVED_INSTANCES;

    private Variables() {}
  }

  /** Values of {@link org.linoconductor.step.StepVariables#ACTION} on both decision forms. */
  public static final class Actions {
    public static final String RETRY = "retry";
    public static final String ABORT = "abort";

    private Actions() {}
  }

  /** Camunda Forms deployed from {@code processes/}. */
  public static final class Forms {
    public static final String ADAPT_RESTORE_SCRIPT = "adapt-restore-script";
    public static final String STEP_FAILED = "step-failed";

    private Forms() {}
  }

  /** Where the seed keeps the snapshot that goes from production to the preview. */
  static final String SNAPSHOT_DIR = "snapshot2preview";
  /** The restore script the operator maintains in production's snapshot2preview. */
  static final String RESTORE_SCRIPT_FILE = SNAPSHOT_DIR + "/restore2preview.py";

  private PreviewSyncProcess() {}
}

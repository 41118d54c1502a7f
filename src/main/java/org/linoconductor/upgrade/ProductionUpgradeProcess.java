package org.linoconductor.upgrade;

/**
 * Ids of {@code processes/production-upgrade.bpmn}, the seed "Upgrading a production site"; a
 * test checks each exists in the diagram.
 */
public final class ProductionUpgradeProcess {

  public static final String KEY = "production-upgrade";

  /** Flow nodes, in the seed's order. */
  public static final class Elements {
    public static final String UPGRADE_REQUESTED = "UpgradeRequested";
    public static final String UPGRADE_SITE = "UpgradeSite";
    public static final String PREFLIGHT = "Preflight";
    public static final String STOP_SERVICES = "StopServices";
    /** The two copies for the roll-back and the snapshot run at the same time between these two. */
    public static final String COPIES_AND_SNAPSHOT = "CopiesAndSnapshot";
    public static final String COPY_DATABASE = "CopyDatabase";
    public static final String COPY_ENV = "CopyEnv";
    public static final String MAKE_SNAPSHOT = "MakeSnapshot";
    public static final String COPIES_AND_SNAPSHOT_DONE = "CopiesAndSnapshotDone";
    public static final String VERIFY_SNAPSHOT = "VerifySnapshot";
    public static final String PULL_CODE = "PullCode";
    public static final String COMPARE_SCHEMA = "CompareSchema";
    public static final String RESTORE_SNAPSHOT = "RestoreSnapshot";
    public static final String INSTALL_REQUIREMENTS = "InstallRequirements";
    public static final String BUILD_INDEXES = "BuildIndexes";
    /** collectstatic and checkdata run at the same time between these two. */
    public static final String STATIC_FILES_AND_DATA = "StaticFilesAndData";
    public static final String COLLECT_STATIC = "CollectStatic";
    public static final String CHECK_DATA = "CheckData";
    public static final String STATIC_FILES_AND_DATA_DONE = "StaticFilesAndDataDone";
    public static final String START_SERVICES = "StartServices";
    public static final String CHECK_SITE = "CheckSite";
    public static final String UPGRADE_STEP_FAILED = "UpgradeStepFailed";
    public static final String STEP_FAILED = "stepFailed";
    public static final String FAILURE_ACTION = "FailureAction";
    public static final String KEEP_SERVICES_STOPPED = "KeepServicesStopped";
    public static final String START_SERVICES_AFTER_ABORT = "StartServicesAfterAbort";
    public static final String UPGRADE_ABORTED = "UpgradeAborted";
    public static final String UPGRADE_ABORTED_SERVICES_STOPPED = "UpgradeAbortedServicesStopped";
    public static final String START_AFTER_ABORT_FAILED = "StartAfterAbortFailed";
    public static final String ABORTED_SITE_DOWN = "AbortedSiteDown";
    public static final String DRY_RUN_OR_SIGN_OFF = "DryRunOrSignOff";
    public static final String REVIEW_DRY_RUN = "reviewDryRun";
    public static final String DRY_RUN_DONE = "DryRunDone";
    public static final String SIGN_OFF = "signOff";
    public static final String SITE_WORKS = "SiteWorks";
    public static final String UPGRADE_SUCCEEDED = "UpgradeSucceeded";
    public static final String ROLL_BACK = "RollBack";
    public static final String STOP_SERVICES_FOR_ROLLBACK = "StopServicesForRollback";
    public static final String RESTORE_CODE = "RestoreCode";
    public static final String RESTORE_DATABASE = "RestoreDatabase";
    public static final String COLLECT_STATIC_FOR_ROLLBACK = "CollectStaticForRollback";
    public static final String START_SERVICES_AFTER_ROLLBACK = "StartServicesAfterRollback";
    public static final String UPGRADE_ROLLED_BACK = "UpgradeRolledBack";
    public static final String ROLL_BACK_STEP_FAILED = "RollBackStepFailed";
    public static final String ROLLBACK_FAILED = "rollbackFailed";
    public static final String ROLL_BACK_RETRY = "RollBackRetry";
    public static final String ROLL_BACK_ABANDONED = "RollBackAbandoned";

    private Elements() {}
  }

  /** External-task topics: one step class each; several are shared with other processes. */
  public static final class Topics {
    public static final String PREFLIGHT = "preflight";
    public static final String STOP_SERVICES = "stop-services";
    public static final String COPY_DATABASE = "copy-database";
    public static final String COPY_ENV = "copy-env";
    public static final String PULL_CODE = "pull-code";
    public static final String COMPARE_SCHEMA = "compare-schema";
    public static final String RESTORE_SNAPSHOT = "restore-snapshot";
    public static final String INSTALL_REQUIREMENTS = "install-requirements";
    public static final String BUILD_INDEXES = "build-indexes";
    public static final String COLLECT_STATIC = "collect-static";
    public static final String CHECK_DATA = "check-data";
    public static final String START_SERVICES = "start-services";
    public static final String CHECK_SITE = "check-site";
    public static final String RESTORE_CODE = "restore-code";
    public static final String RESTORE_DATABASE = "restore-database";
    public static final String RECOLLECT_STATIC = "recollect-static";

    private Topics() {}
  }

  /** Variables of this process beyond {@link org.linoconductor.step.StepVariables}. */
  public static final class Variables {
    /** Set by pull-code: whether any repository revision or pip freeze line changed. */
    public static final String CODE_CHANGED = "codeChanged";
    /** Set by compare-schema: whether restore.py of the new code differs from the snapshot's. */
    public static final String SCHEMA_CHANGED = "schemaChanged";
    /** Set by compare-schema: why (e.g. "only SOURCE_VERSION differs", "dump2py failed"). */
    public static final String SCHEMA_COMPARISON = "schemaComparison";
    /** Set by pull-code: one line per repository, "name revision", before and after. */
    public static final String CODE_BEFORE = "codeBefore";
    public static final String CODE_AFTER = "codeAfter";
    /** Set by check-data: the counts of "Done N checks, found X and fixed Y problems". */
    public static final String CHECKDATA_FOUND = "checkdataFound";
    public static final String CHECKDATA_FIXED = "checkdataFixed";
    /** Set by restore-snapshot when it abandoned objects: N. */
    public static final String UNSAVED_INSTANCES = org.linoconductor.lino.RestoreScript.UNSAVED_INSTANCES;
    /** Sign-off form: the contact's answer and comment. */
    public static final String SITE_WORKS = "siteWorks";
    /** Step-failed form with abort: whether the services stay stopped (the operator confirms it). */
    public static final String KEEP_SERVICES_STOPPED = "keepServicesStopped";
    /** Dry-run review: every rendered command of the run, one per line. */
    public static final String RENDERED_COMMANDS = "renderedCommands";

    private Variables() {}
  }

  /** Values of {@link org.linoconductor.step.StepVariables#ACTION} on the step-failed form. */
  public static final class Actions {
    public static final String RETRY = "retry";
    public static final String ROLLBACK = "rollback";
    public static final String ABORT = "abort";

    private Actions() {}
  }

  /** Camunda Forms deployed from {@code processes/}. */
  public static final class Forms {
    public static final String UPGRADE_STEP_FAILED = "upgrade-step-failed";
    public static final String SIGN_OFF = "sign-off";
    public static final String DRY_RUN_REVIEW = "dry-run-review";
    public static final String STEP_FAILED = "step-failed";

    private Forms() {}
  }

  private ProductionUpgradeProcess() {}
}

package org.linoconductor.attempt;

/**
 * Ids of {@code processes/upgrade-attempt.bpmn}, the seed's "Upgrade attempts": production is
 * switched to the synchronised preview for an agreed time, the testers accept or cancel. A test
 * checks each id exists in the diagram.
 */
public final class UpgradeAttemptProcess {

  public static final String KEY = "upgrade-attempt";

  /** Flow nodes, in the order of an attempt. */
  public static final class Elements {
    public static final String ATTEMPT_REQUESTED = "AttemptRequested";
    public static final String ANNOUNCE = "AnnounceAttempt";
    public static final String WAIT_FOR_REMINDER = "WaitForReminder";
    public static final String REMIND = "RemindAttempt";
    public static final String WAIT_FOR_START = "WaitForStart";
    public static final String SWITCH_TO_PREVIEW = "SwitchToPreview";
    public static final String STOP_PRODUCTION = "StopProduction";
    public static final String SYNCED_ALREADY = "SyncedAlready";
    public static final String FINAL_SYNC = "FinalSync";
    public static final String SYNC_ENDED = "SyncEnded";
    public static final String SYNC_ABORTED = "SyncAbortedError";
    public static final String RECORD_CODE_VERSIONS = "RecordCodeVersions";
    public static final String SWITCH_PROD_LINK = "SwitchProdLink";
    public static final String RELOAD_WEB_SERVER = "ReloadWebServer";
    public static final String START_PREVIEW_SERVICES = "StartPreviewServices";
    public static final String SWITCH_STEP_FAILED = "SwitchStepFailed";
    public static final String DECIDE_ATTEMPT = "decideAttempt";
    public static final String ATTEMPT_TIMED_OUT = "AttemptTimeUp";
    public static final String ACCEPTED = "Accepted";
    public static final String ACCEPT_ATTEMPT = "AcceptAttempt";
    public static final String ACCEPT_STEP_FAILED = "AcceptStepFailed";
    public static final String WHY_ACCEPTED = "WhyAccepted";
    public static final String ATTEMPT_SUCCEEDED = "AttemptSucceeded";
    public static final String ATTEMPT_TIMED_OUT_ACCEPTED = "AttemptTimedOutAccepted";
    public static final String CANCEL_ATTEMPT = "CancelAttempt";
    public static final String STOP_PREVIEW_SERVICES = "StopPreviewServices";
    public static final String KEEP_ATTEMPT_SNAPSHOT = "KeepAttemptSnapshot";
    public static final String PUT_PROD_BACK = "PutProdBack";
    public static final String START_PRODUCTION_SERVICES = "StartProductionServices";
    public static final String CANCEL_STEP_FAILED = "CancelStepFailed";
    public static final String WHY_CANCELLED = "WhyCancelled";
    public static final String ATTEMPT_CANCELLED = "AttemptCancelled";
    public static final String ATTEMPT_TIMED_OUT_END = "AttemptTimedOut";
    public static final String ATTEMPT_STEP_FAILED = "attemptStepFailed";
    public static final String RETRY_OR_ABORT = "RetryOrAbort";
    public static final String RETRY_WHERE = "RetryWhere";
    public static final String GIVE_BACK_FAILED_TOO = "GiveBackFailedToo";
    public static final String GIVE_PRODUCTION_BACK = "GiveProductionBack";
    public static final String PUT_PROD_BACK_AFTER_ABORT = "PutProdBackAfterAbort";
    public static final String START_PRODUCTION_AFTER_ABORT = "StartProductionAfterAbort";
    public static final String GIVE_BACK_STEP_FAILED = "GiveBackStepFailed";
    public static final String ATTEMPT_ABORTED = "AttemptAborted";
    public static final String ATTEMPT_ABANDONED = "AttemptAbandoned";

    private Elements() {}
  }

  /** The parts a failed step can be retried in: the value of {@link Variables#FAILED_PART}. */
  public static final class Parts {
    public static final String SWITCH = Elements.SWITCH_TO_PREVIEW;
    public static final String ACCEPT = Elements.ACCEPT_ATTEMPT;
    public static final String CANCEL = Elements.CANCEL_ATTEMPT;
    public static final String GIVE_BACK = Elements.GIVE_PRODUCTION_BACK;

    private Parts() {}
  }

  /** External-task topics: one step class each. */
  public static final class Topics {
    public static final String STOP_PRODUCTION = "attempt-stop-production";
    public static final String RECORD_CODE_VERSIONS = "attempt-record-code-versions";
    public static final String SWITCH_PROD_LINK = "attempt-switch-prod-link";
    public static final String RELOAD_WEB_SERVER = "attempt-reload-web-server";
    public static final String START_PREVIEW_SERVICES = "attempt-start-preview-services";
    public static final String ACCEPT = "attempt-accept";
    public static final String STOP_PREVIEW_SERVICES = "attempt-stop-preview-services";
    public static final String KEEP_SNAPSHOT = "attempt-keep-snapshot";
    public static final String PUT_PROD_BACK = "attempt-put-prod-back";
    public static final String START_PRODUCTION_SERVICES = "attempt-start-production-services";

    private Topics() {}
  }

  /** Variables of this process beyond {@link org.linoconductor.step.StepVariables}. */
  public static final class Variables {
    /** Start variable: ISO date-time (e.g. 2026-12-01T18:00, or with an offset); empty = now. */
    public static final String START_AT = "startAt";
    /** Start variable: ISO-8601 duration of the attempt; default {@value UpgradeAttemptProcess#DEFAULT_DURATION}. */
    public static final String DURATION = "duration";
    /**
     * Start variable: {@link Decisions} value taken when nobody decides in time; empty = {@code
     * conductor.attempt.timeout-decision}. Set at the start to the value that applies.
     */
    public static final String TIMEOUT_DECISION = "timeoutDecision";
    /** Set at the start, for Cockpit: {@link #START_AT} as a date (the timer reads the run's record). */
    public static final String START_AT_DATE = "startAtDate";
    /** Set by the reminder: its text (empty when none was needed). */
    public static final String REMINDER = "reminder";
    /** Set at the start, for the form: the production site the preview replaces (the steps read the run's record). */
    public static final String PRODUCTION_SITE = org.linoconductor.preview.PreviewSyncProcess.Variables.PRODUCTION_SITE;
    /** Set at the start: the public address of production (else of the preview), for the form; may be empty. */
    public static final String SITE_URL = "siteUrl";
    /** Set by the announcement: its full text. */
    public static final String ANNOUNCEMENT = "announcement";
    /** Set by the final sync's end: preview-sync's last action (abort = the sync was given up). */
    public static final String SYNC_ACTION = "syncAction";
    public static final String FINAL_SYNC_DONE = "finalSyncDone";
    /** Set by record-code-versions: "repository revision" lines of production and of the preview. */
    public static final String CODE_BEFORE = "codeBefore";
    public static final String CODE_ON_TRIAL = "codeOnTrial";
    /** Set by switch-prod-link: where prod pointed before (the old production). */
    public static final String PREVIOUS_PROD = "previousProd";
    /** Set when decideAttempt is created: when the attempt ends (ISO date-time). */
    public static final String ATTEMPT_ENDS_AT = "attemptEndsAt";
    /** decideAttempt form: accept or cancel. */
    public static final String DECISION = "decision";
    /** Set when decideAttempt is completed: by whom, and the time left then (ISO-8601). */
    public static final String DECIDED_BY = "decidedBy";
    public static final String TIME_LEFT = "timeLeft";
    /** Set when decideAttempt is completed: the comment (the recorder takes {@code comment} away). */
    public static final String DECISION_COMMENT = "decisionComment";
    /** Set when the attempt ends: the message to all (how it ended, who decided, where the data is). */
    public static final String RESULT_MESSAGE = "resultMessage";
    /** Set by the time-up boundary timer: nobody decided in time, {@link #DECISION} is {@link #TIMEOUT_DECISION}. */
    public static final String TIMED_OUT = "timedOut";
    /** Set by keep-snapshot: the zip of the preview's data taken during the attempt. */
    public static final String ATTEMPT_SNAPSHOT = "attemptSnapshot";
    /** Set when a step failed: which part a retry goes back to ({@link Parts}). */
    public static final String FAILED_PART = "failedPart";

    private Variables() {}
  }

  /** Values of {@link Variables#DECISION}. */
  public static final class Decisions {
    public static final String ACCEPT = "accept";
    public static final String CANCEL = "cancel";

    private Decisions() {}
  }

  /** Values of {@link org.linoconductor.step.StepVariables#ACTION} on the step-failed form. */
  public static final class Actions {
    public static final String RETRY = "retry";
    public static final String ABORT = "abort";

    private Actions() {}
  }

  /** Camunda Forms deployed from {@code processes/}. */
  public static final class Forms {
    public static final String DECIDE_ATTEMPT = "decide-attempt";
    public static final String STEP_FAILED = "step-failed";

    private Forms() {}
  }

  public static final String DEFAULT_DURATION = "PT1H";

  private UpgradeAttemptProcess() {}
}

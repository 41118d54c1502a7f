package org.linoconductor.cli;

/**
 * The exit statuses of {@code conductor}, documented in its help and the README. A run's outcome
 * has its own status, so that a script can tell a rolled-back upgrade from a refused request.
 */
final class ExitStatus {

  /** Done; for a followed run: it succeeded, its dry run is done, or it waits for a decision. */
  static final int OK = 0;
  /** The server refused the request (its message is printed), or could not be reached. */
  static final int REFUSED = 1;
  /** Wrong usage: an unknown option, a missing argument, a value the task's form does not accept. */
  static final int USAGE = 2;
  /** The server did not accept the user and password (HTTP 401). */
  static final int NOT_SIGNED_IN = 3;
  /** The user may not do that (HTTP 403). */
  static final int NOT_ALLOWED = 4;
  /** No URL, user or password, or a configuration file that others may read or change. */
  static final int CONFIGURATION = 5;
  /** The followed run ended FAILED. */
  static final int FAILED = 10;
  /** The followed run ended ROLLED_BACK. */
  static final int ROLLED_BACK = 11;
  /** The followed run ended ABORTED. */
  static final int ABORTED = 12;
  /** The followed run ended CANCELLED (an attempt cancelled, or a run deleted in Cockpit). */
  static final int CANCELLED = 13;
  /** The followed run ended TIMED_OUT (an attempt nobody decided: {@code conductor show} says how it ended). */
  static final int TIMED_OUT = 14;
  /** The followed run is stuck at an incident: an operator must look at it in Cockpit. */
  static final int STUCK = 15;
  /** The followed run ended SITE_DOWN: it left the site's services stopped. */
  static final int SITE_DOWN = 16;

  private ExitStatus() {}

  /** The status for a run's outcome as the audit record names it ({@code RunOutcome}). */
  static int ofOutcome(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case "SUCCEEDED", "DRY_RUN" -> OK;
      case "FAILED" -> FAILED;
      case "ROLLED_BACK" -> ROLLED_BACK;
      case "ABORTED" -> ABORTED;
      case "CANCELLED" -> CANCELLED;
      case "TIMED_OUT" -> TIMED_OUT;
      case "SITE_DOWN" -> SITE_DOWN;
      default -> REFUSED;
    };
  }
}

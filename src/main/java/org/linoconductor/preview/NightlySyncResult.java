package org.linoconductor.preview;

/**
 * What a nightly-sync run did with one preview site.
 *
 * @param syncRun the preview-sync run it started, null when it started none
 * @param detail why it was skipped, how its sync ended, or where it waits for an operator
 */
public record NightlySyncResult(String nightlyRun, String site, Result result, String syncRun, String detail) {

  public enum Result {
    /** Not started yet: the limit on concurrent syncs was reached. */
    PENDING,
    /** Its preview-sync run is working. */
    STARTED,
    SYNCED,
    /** Its preview-sync run ended without success, or waits for an operator's decision. */
    FAILED,
    /** Not started: busy with another run (e.g. still syncing), or no longer a PREVIEW site. */
    SKIPPED
  }
}

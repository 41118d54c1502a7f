package org.linoconductor.attempt;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The text that announces an upgrade attempt to the site's users and testers. */
final class AttemptAnnouncement {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH);

  private AttemptAnnouncement() {}

  static String subject(String production, Instant start, ZoneId zone) {
    return "Upgrade attempt of " + production + " on " + DAY.format(start.atZone(zone)) + " at "
        + TIME.format(start.atZone(zone));
  }

  /**
   * @param releaseNotesUrl may be null
   * @param siteUrl may be null or empty
   */
  static String text(String production, String preview, Instant start, Duration duration, String releaseNotesUrl,
      String siteUrl, TimeoutDecision onTimeout, ZoneId zone) {
    var begin = start.atZone(zone);
    var end = start.plus(duration).atZone(zone);
    return "Dear users of " + production + ",\n\n"
        + "the new version of your Lino site (prepared as the preview site " + preview + ") will be tried as"
        + " production on " + DAY.format(begin) + ".\n\n"
        + "Date: " + DAY.format(begin) + "\n"
        + "Time: " + TIME.format(begin) + " to " + TIME.format(end) + "\n"
        + "Duration: " + readable(duration) + " (" + duration + ")\n"
        + "Release notes: " + (releaseNotesUrl == null || releaseNotesUrl.isBlank() ? "(none published)" : releaseNotesUrl)
        + "\n"
        + (siteUrl == null || siteUrl.isBlank() ? "" : "Address: " + siteUrl + "\n")
        + "\nDuring the attempt please test whether everything works as expected. Be aware that the changes"
        + " you make during the attempt will be LOST if the attempt is cancelled (they are kept in a"
        + " snapshot, but not in the site you go back to), and that they REMAIN if the attempt succeeds."
        + " Without a decision by the end of the attempt it is "
        + (onTimeout == TimeoutDecision.ACCEPT ? "accepted: the new version stays production.\n" : "cancelled.\n");
  }

  /** The reminder shortly before the start: the announcement again, said to be near. */
  static String reminder(String announcement, Duration left) {
    return "Reminder: the upgrade attempt starts in " + readable(left.isNegative() ? Duration.ZERO : left)
        + ".\n\n" + announcement;
  }

  static String readable(Duration duration) {
    long hours = duration.toHours();
    int minutes = duration.toMinutesPart();
    int seconds = duration.toSecondsPart();
    StringBuilder text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(hours == 1 ? " hour" : " hours");
    }
    if (minutes > 0) {
      text.append(text.isEmpty() ? "" : " ").append(minutes).append(minutes == 1 ? " minute" : " minutes");
    }
    if (seconds > 0 || text.isEmpty()) {
      text.append(text.isEmpty() ? "" : " ").append(seconds).append(seconds == 1 ? " second" : " seconds");
    }
    return text.toString();
  }

  /**
   * The message to all when the attempt has ended.
   *
   * @param decidedBy may be null (timed out)
   * @param snapshot where the attempt's data is kept; null when accepted
   */
  static String result(AttemptEnding ending, String production, String preview, String decidedBy, String comment,
      String snapshot) {
    String by = (decidedBy == null ? "" : " by " + decidedBy)
        + (comment == null || comment.isBlank() ? "" : " (\"" + comment.strip() + "\")");
    String accepted = " The new version (" + preview + ") stays production, with the changes made during the attempt; "
        + production + " is kept as the old site.\n";
    String cancelled = " Production is " + production + " again; the changes made during the attempt are not in it."
        + " They are kept in " + snapshot + ".\n";
    return "The upgrade attempt of " + production + switch (ending) {
      case ACCEPTED -> " was accepted" + by + "." + accepted;
      case ACCEPTED_AT_TIME_OUT -> " timed out: nobody decided in time, so it was accepted, the default decision"
          + " when time is up." + accepted;
      case CANCELLED_AT_TIME_OUT -> " timed out: nobody decided in time, so it was cancelled." + cancelled;
      case CANCELLED -> " was cancelled" + by + "." + cancelled;
    };
  }

  static String resultSubject(AttemptEnding ending, String production) {
    return "Upgrade attempt of " + production + ": " + switch (ending) {
      case ACCEPTED -> "accepted";
      case ACCEPTED_AT_TIME_OUT -> "timed out, accepted";
      case CANCELLED_AT_TIME_OUT -> "timed out, cancelled";
      case CANCELLED -> "cancelled";
    };
  }
}

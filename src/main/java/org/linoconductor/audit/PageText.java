package org.linoconductor.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the run pages write times, durations and outcomes: short, and the same everywhere. */
final class PageText {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private PageText() {}

  /**
   * A moment as the pages write it (templates/layout.html, fragment {@code time}): ISO for the
   * {@code <time>} element and conductor.js, which shows it in the viewer's zone; UTC for the hover.
   */
  record Time(String iso, String utc) {}

  /** A coloured label: {@code css} is one of a fixed set of names (conductor.css). */
  record Badge(String css, String text) {}

  /** Null for no time at all: the page shows a dash. */
  static Time time(Instant at) {
    return at == null ? null : new Time(at.toString(), WHEN.format(at) + " UTC");
  }

  /** From start to end, or a dash while it runs. */
  static String duration(Instant start, Instant end) {
    return duration(end == null ? null : Duration.between(start, end).toMillis());
  }

  static String duration(Long millis) {
    if (millis == null) {
      return "–";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    long seconds = millis / 1000;
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }

  static Badge badge(Object status) {
    String text = status == null ? "RUNNING" : status.toString();
    return new Badge(text.toLowerCase(Locale.ROOT), text.replace('_', ' '));
  }
}

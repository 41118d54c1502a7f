package org.linoconductor.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.linoconductor.page.Html;

/** How the run pages write times, durations and outcomes: short, and the same everywhere. */
final class PageText {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private PageText() {}

  /**
   * A {@code <time>} element in UTC, or a dash; {@code conductor.js} shows it in the viewer's zone and
   * keeps UTC for the hover.
   */
  static String time(Instant at) {
    String utc = at == null ? null : WHEN.format(at) + " UTC";
    return at == null ? "–" : "<time datetime=\"" + at + "\" title=\"" + utc + "\">" + utc + "</time>";
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

  /** A coloured label; the CSS class is one of a fixed set of names, the text is escaped. */
  static String badge(Object status) {
    String text = status == null ? "RUNNING" : status.toString();
    return "<span class=\"badge badge-" + Html.escape(text.toLowerCase(Locale.ROOT)) + "\">"
        + Html.escape(text.replace('_', ' ')) + "</span>";
  }
}

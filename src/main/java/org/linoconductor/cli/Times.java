package org.linoconductor.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as the operator reads them: in the terminal's time zone. */
final class Times {

  /** Camunda's REST API writes {@code 2026-12-04T20:39:28.820+0000}; Conductor's API ISO instants. */
  private static final DateTimeFormatter ENGINE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Times() {}

  /** The instant of an API's time text, or null when there is none. */
  static Instant parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text, ENGINE).toInstant();
    }
  }

  static String clock(Instant instant) {
    return instant == null ? "" : CLOCK.format(instant.atZone(ZoneId.systemDefault()));
  }

  static String dayAndTime(String text) {
    Instant instant = parse(text);
    return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(ZoneId.systemDefault()));
  }

  /** {@code 0.4 s}, {@code 12 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
  static String duration(long millis) {
    Duration duration = Duration.ofMillis(millis);
    if (millis < 10_000) {
      return String.format("%.1f s", millis / 1000.0);
    }
    if (duration.toMinutes() < 1) {
      return duration.toSeconds() + " s";
    }
    if (duration.toHours() < 1) {
      return String.format("%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
    return String.format("%d h %02d min", duration.toHours(), duration.toMinutesPart());
  }
}

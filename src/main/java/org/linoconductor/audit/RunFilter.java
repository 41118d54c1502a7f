package org.linoconductor.audit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Which runs to list: every part optional; dates are whole days in UTC, both inclusive.
 *
 * @param outcome a {@link RunOutcome} name, or {@value #RUNNING} for runs not ended
 * @param page counted from 0
 */
record RunFilter(String site, String process, String outcome, LocalDate from, LocalDate to, int page, int size) {

  static final String RUNNING = "RUNNING";
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 200;

  /**
   * Reads the query parameters as a caller sent them.
   *
   * @param visibleSite whether the caller may see a site: an invisible site is "unknown" to them
   * @param knownProcess whether there is such a process (deployed or in the record)
   * @param processes all of them, for the message when one is unknown
   * @throws BadRunRequestException naming the parameter at fault and what it accepts
   */
  static RunFilter parse(String site, String process, String outcome, String from, String to, String page,
      String size, Predicate<String> visibleSite, Predicate<String> knownProcess, Supplier<Set<String>> processes) {
    String siteName = blankToNull(site);
    if (siteName != null && !visibleSite.test(siteName)) {
      throw new BadRunRequestException("site", "Unknown site '" + siteName + "': use one of the sites listed at"
          + " /api/sites that you may see, or leave 'site' out.");
    }
    String processKey = blankToNull(process);
    if (processKey != null && !knownProcess.test(processKey)) {
      throw new BadRunRequestException("process", "Unknown process '" + processKey + "': use one of "
          + String.join(", ", processes.get().stream().sorted().toList()) + ", or leave 'process' out.");
    }
    LocalDate fromDay = date("from", from);
    LocalDate toDay = date("to", to);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      throw new BadRunRequestException("to", "'to' (" + toDay + ") is before 'from' (" + fromDay
          + "): both days are included, so 'to' must be the same day or later.");
    }
    int pageNumber = number("page", page, 0, 0, Integer.MAX_VALUE);
    int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
    return new RunFilter(siteName, processKey, outcome(outcome), fromDay, toDay, pageNumber, pageSize);
  }

  /** The same filter on another page. */
  RunFilter onPage(int otherPage) {
    return new RunFilter(site, process, outcome, from, to, otherPage, size);
  }

  /** All the outcomes a caller may filter by. */
  static List<String> outcomes() {
    return Stream.concat(Arrays.stream(RunOutcome.values()).map(Enum::name), Stream.of(RUNNING)).toList();
  }

  private static String outcome(String value) {
    String outcome = blankToNull(value);
    if (outcome == null) {
      return null;
    }
    String upper = outcome.toUpperCase(Locale.ROOT);
    if (!outcomes().contains(upper)) {
      throw new BadRunRequestException("outcome", "Unknown outcome '" + outcome + "': use one of "
          + String.join(", ", outcomes()) + ".");
    }
    return upper;
  }

  private static LocalDate date(String field, String value) {
    String text = blankToNull(value);
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRunRequestException(field, "'" + field + "' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31.");
    }
  }

  private static int number(String field, String value, int absent, int min, int max) {
    String text = blankToNull(value);
    if (text == null) {
      return absent;
    }
    try {
      int number = Integer.parseInt(text);
      if (number >= min && number <= max) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below, with the range
    }
    throw new BadRunRequestException(field, "'" + field + "' must be a whole number from " + min
        + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", not '" + text + "'.");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

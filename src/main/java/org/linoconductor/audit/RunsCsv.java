package org.linoconductor.audit;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs as CSV (RFC 4180): a header line, CRLF line ends, fields quoted when they need it. Written a
 * line at a time, so that the whole record never has to be in memory at once.
 */
final class RunsCsv {

  static final String HEADER = "run,process,site,started_by,started_at,ended_at,duration_seconds,outcome,"
      + "dry_run,end_activity,end_reason\r\n";

  private RunsCsv() {}

  /** One run's line, with its CRLF. */
  static String line(RunSummary run) {
    return Stream.of(run.processInstanceId(), run.processKey(), run.site(), run.startedBy(), run.startedAt(),
            run.endedAt(), run.durationSeconds(), run.outcome(), run.dryRun(), run.endActivity(), run.endReason())
        .map(RunsCsv::field).collect(Collectors.joining(",", "", "\r\n"));
  }

  static String field(Object value) {
    String text = Objects.toString(value, "");
    // A spreadsheet would run a cell starting with these as a formula (TAB and CR too: some strip them
    // first); a reason typed in Cockpit could.
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
    return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
  }
}

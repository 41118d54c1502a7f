package org.linoconductor.audit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Runs as CSV (RFC 4180): a header line, CRLF line ends, fields quoted when they need it. */
final class RunsCsv {

  private static final String HEADER = "run,process,site,started_by,started_at,ended_at,duration_seconds,outcome,"
      + "dry_run,end_activity,end_reason";

  private RunsCsv() {}

  static String of(List<RunSummary> runs) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (RunSummary run : runs) {
      csv.append(Stream.of(run.processInstanceId(), run.processKey(), run.site(), run.startedBy(), run.startedAt(),
              run.endedAt(), run.durationSeconds(), run.outcome(), run.dryRun(), run.endActivity(), run.endReason())
          .map(RunsCsv::field).collect(Collectors.joining(","))).append("\r\n");
    }
    return csv.toString();
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

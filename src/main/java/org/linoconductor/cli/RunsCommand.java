package org.linoconductor.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", description = "Lists the runs you may see, newest first.")
final class RunsCommand extends ClientCommand {

  @Option(names = "--site", description = "only this site's runs")
  String site;

  @Option(names = "--process", description = "only this process's, e.g. production-upgrade")
  String process;

  @Option(names = "--outcome",
      description = "SUCCEEDED, ROLLED_BACK, CANCELLED, TIMED_OUT, ABORTED, SITE_DOWN, FAILED, DRY_RUN or RUNNING")
  String outcome;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "started on or after that day (UTC)")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "started on or before that day (UTC)")
  String to;

  @Option(names = "--page", description = "which page, from 0")
  String page;

  @Option(names = "--size", description = "runs per page, 1 to 200 (default 50)")
  String size;

  @Override
  public Integer call() {
    Map<String, String> filter = new LinkedHashMap<>();
    filter.put("site", site);
    filter.put("process", process);
    filter.put("outcome", outcome);
    filter.put("from", from);
    filter.put("to", to);
    filter.put("page", page);
    filter.put("size", size);
    Map<String, Object> answer = Json.object(server().api("/runs" + Server.query(filter)));
    Table table = new Table("RUN", "PROCESS", "SITE", "STARTED", "BY", "OUTCOME");
    for (Object each : Json.array(answer, "items")) {
      Map<String, Object> run = Json.object(each);
      Object ended = run.get("outcome");
      table.row(run.get("processInstanceId"), run.get("processKey"), run.get("site"),
          Times.dayAndTime(Json.text(run, "startedAt")), run.get("startedBy"),
          (ended == null ? "RUNNING" : ended)
              + (Boolean.TRUE.equals(run.get("dryRun")) && !"DRY_RUN".equals(ended) ? " (dry run)" : ""));
    }
    if (table.isEmpty()) {
      out().println("No runs.");
      return ExitStatus.OK;
    }
    table.print(out());
    long total = ((Number) answer.get("total")).longValue();
    int shown = Json.array(answer, "items").size();
    if (shown < total) {
      out().println(shown + " of " + total + " runs (page " + answer.get("page") + "; --page for more)");
    }
    return ExitStatus.OK;
  }
}

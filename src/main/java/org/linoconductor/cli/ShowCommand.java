package org.linoconductor.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "show", description = "Shows a run: its steps, decisions, code versions and where it waits.")
final class ShowCommand extends ClientCommand {

  private static final String INDENT = "  ";

  @Parameters(paramLabel = "RUN", description = "the run's id (conductor runs)")
  String run;

  @Override
  public Integer call() {
    Server server = server();
    PrintWriter out = out();
    ProcessNames names = new ProcessNames(server);
    Map<String, Object> detail = Json.object(server.api("/runs/" + Server.segment(run)));
    Map<String, Object> record = Json.object(detail, "run");
    String process = Json.text(record, "processKey");
    out.println("Run      " + record.get("processInstanceId"));
    out.println("Process  " + names.of(process, process) + " (" + process + ")");
    out.println("Site     " + record.get("site"));
    out.println("Started  " + Times.dayAndTime(Json.text(record, "startedAt")) + " by " + record.get("startedBy")
        + (Boolean.TRUE.equals(record.get("dryRun")) ? ", dry run" : ""));
    String ended = Json.text(record, "endedAt");
    String reason = Json.text(record, "endReason");
    out.println("Ended    " + (ended == null ? "not yet" : Times.dayAndTime(ended) + ": " + record.get("outcome")
        + " at " + names.of(process, Json.text(record, "endActivity"))
        + (reason == null || reason.isBlank() ? "" : " (" + reason + ")")));
    steps(detail, names, process, out);
    decisions(record, out);
    codeVersions(detail, out);
    if (ended == null) {
      waits(server, out);
    }
    return ExitStatus.OK;
  }

  private static void steps(Map<String, Object> detail, ProcessNames names, String process, PrintWriter out) {
    out.println("Steps");
    for (Object each : Json.array(detail, "steps")) {
      Map<String, Object> step = Json.object(each);
      String status = Json.text(step, "status");
      out.println(String.format("%s%-6s %s", INDENT, StepLines.word(status),
          StepLines.ended(names.of(process, Json.text(step, "activityId")), step)));
      if (!"SUCCEEDED".equals(status) && !"SKIPPED".equals(status) && !"RENDERED".equals(status)) {
        String tail = Json.text(step, "tail");
        if (tail != null) {
          tail.lines().forEach(line -> out.println(INDENT + "       | " + line));
        }
        if (step.get("logUrl") != null) {
          out.println(INDENT + "       whole log: " + step.get("logUrl"));
        }
      }
    }
  }

  private static void decisions(Map<String, Object> record, PrintWriter out) {
    if (Json.array(record, "decisions").isEmpty()) {
      return;
    }
    out.println("Decisions");
    for (Object each : Json.array(record, "decisions")) {
      Map<String, Object> decision = Json.object(each);
      String comment = Json.text(decision, "comment");
      String context = Json.text(decision, "context");
      out.println(INDENT + Times.dayAndTime(Json.text(decision, "decidedAt")) + "  "
          + (decision.get("decidedBy") == null ? "nobody" : decision.get("decidedBy")) + "  "
          + decision.get("taskName") + ": " + decision.get("choice")
          + (context == null || context.isBlank() ? "" : " (" + context + ")")
          + (comment == null || comment.isBlank() ? "" : ": \"" + comment + "\""));
    }
  }

  /** The repositories' revisions before and after (for an attempt: production and on trial). */
  private static void codeVersions(Map<String, Object> detail, PrintWriter out) {
    Map<String, String[]> revisions = new LinkedHashMap<>();
    for (Object each : Json.array(detail, "codeState")) {
      Map<String, Object> entry = Json.object(each);
      if ("revision".equals(entry.get("kind"))) {
        String[] beforeAfter = revisions.computeIfAbsent(Json.text(entry, "name"), name -> new String[] {"-", "-"});
        beforeAfter["before".equals(entry.get("phase")) ? 0 : 1] = shortRevision(Json.text(entry, "value"));
      }
    }
    if (revisions.isEmpty()) {
      return;
    }
    out.println("Code     (an attempt's: production's before, the preview's after)");
    Table table = new Table(INDENT + "REPOSITORY", "BEFORE", "AFTER");
    revisions.forEach((name, beforeAfter) -> table.row(INDENT + name, beforeAfter[0], beforeAfter[1]));
    table.print(out);
  }

  private void waits(Server server, PrintWriter out) {
    RunWaits.Where where = new RunWaits(server).of(run);
    where.tasks().forEach(task -> {
      out.println("Waits at " + task.name());
      RunWaits.print(task, out, INDENT);
    });
    where.incidents().forEach(incident -> out.println("Stuck at " + incident + " (see Cockpit)"));
    where.timers().forEach(timer -> out.println("Waits for " + timer));
    where.calledRuns().forEach(called -> out.println("Called   run " + called + " (conductor show " + called + ")"));
  }

  private static String shortRevision(String value) {
    return value == null || value.length() <= 12 ? value : value.substring(0, 12);
  }
}

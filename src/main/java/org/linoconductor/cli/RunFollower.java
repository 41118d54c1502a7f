package org.linoconductor.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --follow}: prints each step of a run (and of the runs it calls) as it starts and ends,
 * with its commands, its output as it is written (the API's incremental log tail) and its exit
 * status; returns when the run ends (with the exit status of its outcome) or waits at a user task
 * (0, with the task's id, who may decide it and how), or is stuck at an incident.
 */
final class RunFollower {

  private static final long POLL_MILLIS = 500;
  /** Requests for output per step and poll: a step writing faster still lets the others be seen. */
  private static final int MAX_PIECES = 32;
  static final String INDENT = " ".repeat(10);

  private final Server server;
  private final PrintWriter out;
  private final ProcessNames names;
  private final RunWaits waits;
  private final Map<String, Output> outputs = new HashMap<>();
  private final Set<String> runs = new LinkedHashSet<>();
  private final Set<String> endedRuns = new HashSet<>();
  private final Set<String> timersSaid = new HashSet<>();
  private final Set<String> introduced = new HashSet<>();
  private final boolean listHistory;
  private String main;

  /** {@code history}: whether the steps that ended before the first look are listed (without their output). */
  RunFollower(Server server, PrintWriter out, boolean history) {
    this.server = server;
    this.out = out;
    this.listHistory = history;
    this.names = new ProcessNames(server);
    this.waits = new RunWaits(server);
  }

  /**
   * The step's log from where this client has read it on: {@code next} in the file {@code log} (one
   * per command of the step); {@code partial} is a line not ended yet.
   */
  private static final class Output {
    Long next;
    String log;
    final StringBuilder partial = new StringBuilder();
    boolean ended;
  }

  int follow(String run) throws InterruptedException {
    main = run;
    runs.add(run);
    Map<String, Object> detail = detail(run);
    Map<String, Object> record = Json.object(detail, "run");
    String process = Json.text(record, "processKey");
    out.println("Run " + run + ": " + names.of(process, process) + " of " + Json.text(record, "site")
        + (Boolean.TRUE.equals(record.get("dryRun")) ? " (dry run)" : "") + ", started by "
        + Json.text(record, "startedBy") + " at " + Times.dayAndTime(Json.text(record, "startedAt")));
    while (true) {
      boolean working = false;
      for (String called : List.copyOf(runs)) { // first: what a called run did came before the caller went on
        if (!called.equals(run) && !endedRuns.contains(called)) {
          working |= steps(called, detail(called));
        }
      }
      working |= steps(run, detail);
      if (Json.text(record, "endedAt") != null) {
        String outcome = Json.text(record, "outcome");
        say(Times.parse(Json.text(record, "endedAt")), "end", names.of(process, Json.text(record, "endActivity"))
            + ": " + outcome + reason(record));
        return ExitStatus.ofOutcome(outcome);
      }
      if (!working) {
        RunWaits.Where where = waits.of(run);
        boolean calledNew = false;
        for (String called : where.calledRuns()) {
          calledNew |= runs.add(called);
        }
        if (!where.tasks().isEmpty()) {
          for (RunWaits.Task task : where.tasks()) {
            say(Times.parse(task.created()), "waits", task.name());
            RunWaits.print(task, out, INDENT);
          }
          return ExitStatus.OK;
        }
        if (!where.incidents().isEmpty()) {
          where.incidents().forEach(incident -> say(Instant.now(), "STUCK", incident));
          out.println(INDENT + "an operator must look at it in Cockpit: " + server.url() + "/camunda/app/cockpit/");
          return ExitStatus.STUCK;
        }
        for (String timer : where.timers()) {
          if (timersSaid.add(timer)) {
            say(Instant.now(), "timer", timer);
          }
        }
        if (calledNew) {
          continue; // show the called run's steps at once
        }
      }
      out.flush();
      Thread.sleep(POLL_MILLIS);
      detail = detail(run);
      record = Json.object(detail, "run");
    }
  }

  private Map<String, Object> detail(String run) {
    return Json.object(server.api("/runs/" + Server.segment(run)));
  }

  /** Prints what is new in the run's steps; true while one of them runs. */
  private boolean steps(String run, Map<String, Object> detail) {
    Map<String, Object> record = Json.object(detail, "run");
    String process = Json.text(record, "processKey");
    boolean firstLook = introduced.add(run);
    if (firstLook && !run.equals(main)) {
      say(Times.parse(Json.text(record, "startedAt")), "call", names.of(process, process) + " of "
          + Json.text(record, "site") + ": run " + run);
    }
    // Steps of the followed run that ended before the first look are history: no output for them.
    boolean history = firstLook && run.equals(main);
    boolean running = false;
    for (Object each : Json.array(detail, "steps")) {
      running |= step(run, process, Json.object(each), history);
    }
    if (Json.text(record, "endedAt") != null && !run.equals(main)) {
      say(Times.parse(Json.text(record, "endedAt")), "back", names.of(process, process) + " of "
          + Json.text(record, "site") + " ended: " + Json.text(record, "outcome") + reason(record));
      endedRuns.add(run);
    }
    return running;
  }

  /** Prints what is new of one step: its start, its output, its end; true while it runs. */
  private boolean step(String run, String process, Map<String, Object> step, boolean history) {
    String status = Json.text(step, "status");
    boolean running = "RUNNING".equals(status);
    String name = names.of(process, Json.text(step, "activityId"));
    Output output = outputs.get(run + "/" + step.get("id"));
    if (output == null) {
      output = new Output();
      outputs.put(run + "/" + step.get("id"), output);
      if (history && !running) {
        output.ended = true;
        if (listHistory) {
          say(Times.parse(Json.text(step, "startedAt")), "start", name);
          say(Times.parse(Json.text(step, "finishedAt")), StepLines.word(status), StepLines.ended(name, step));
        }
        return false;
      }
      say(Times.parse(Json.text(step, "startedAt")), "start", name);
    }
    if (output.ended) {
      return false;
    }
    read(run, step, output, !running);
    if (!running) {
      flush(output);
      String command = Json.text(step, "command");
      if ("RENDERED".equals(status) && command != null) { // a dry run's step has no output, only its commands
        command.lines().forEach(line -> out.println(INDENT + "$ " + line));
      }
      say(Times.parse(Json.text(step, "finishedAt")), StepLines.word(status), StepLines.ended(name, step));
      output.ended = true;
    }
    return running;
  }

  /** Prints the step's new output; {@code toTheEnd}: the step has ended, so read all that is left. */
  private void read(String run, Map<String, Object> step, Output output, boolean toTheEnd) {
    for (int piece = 0; toTheEnd || piece < MAX_PIECES; piece++) {
      String path = "/runs/" + Server.segment(run) + "/steps/" + step.get("id") + "/tail"
          + (output.next == null ? "" : "?from=" + output.next
              + (output.log == null ? "" : "&log=" + Server.segment(output.log)));
      Map<String, Object> tail = Json.object(server.api(path));
      String log = Json.text(tail, "log");
      if (output.log != null && !output.log.equals(log)) {
        flush(output); // the step's next command: its log comes from its start
      }
      output.log = log;
      if (output.next == null && ((Number) tail.get("from")).longValue() > 0) {
        String whole = Json.text(step, "logUrl");
        out.println(INDENT + "| …" + (whole == null ? "" : " (the earlier output: " + server.url() + whole + ")"));
      }
      String text = Json.text(tail, "text");
      output.next = ((Number) tail.get("next")).longValue();
      if (text == null || text.isEmpty()) {
        return;
      }
      output.partial.append(text);
      int newline;
      while ((newline = output.partial.indexOf("\n")) >= 0) {
        out.println(INDENT + "| " + output.partial.substring(0, newline));
        output.partial.delete(0, newline + 1);
      }
    }
  }

  private void flush(Output output) {
    if (output.partial.length() > 0) {
      out.println(INDENT + "| " + output.partial);
      output.partial.setLength(0);
    }
  }

  private void say(Instant when, String word, String text) {
    out.println(String.format("%-8s  %-6s %s", Times.clock(when == null ? Instant.now() : when), word, text)
        .replaceFirst("\\s+$", ""));
  }

  private static String reason(Map<String, Object> record) {
    String reason = Json.text(record, "endReason");
    return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
  }
}

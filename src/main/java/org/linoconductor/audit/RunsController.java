package org.linoconductor.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.linoconductor.step.StepRun;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/runs}: the audit record as JSON and CSV, and the steps' logs. Every answer holds
 * only the runs of the caller's {@link RunScope}. Parameters arrive as text and are read by
 * {@link RunFilter}, so that a wrong one gets a message naming it rather than a conversion error.
 */
@RestController
@RequestMapping("/api")
class RunsController {

  private static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
  private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final RunQueries runs;

  RunsController(RunQueries runs) {
    this.runs = runs;
  }

  @GetMapping(path = "/runs", produces = MediaType.APPLICATION_JSON_VALUE)
  RunPage list(@RequestParam(required = false) String site, @RequestParam(required = false) String process,
      @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    RunScope scope = runs.scope();
    return runs.page(runs.filter(scope, site, process, outcome, from, to, page, size), scope);
  }

  /**
   * All matching runs, not paged: for a spreadsheet. Written as the rows are read, so a long record
   * needs no more memory than a short one; a bad filter is refused before anything is written.
   */
  @GetMapping("/runs.csv")
  void csv(@RequestParam(required = false) String site, @RequestParam(required = false) String process,
      @RequestParam(required = false) String outcome, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
    RunScope scope = runs.scope();
    RunFilter filter = runs.filter(scope, site, process, outcome, from, to, null, null);
    response.setContentType(CSV.toString());
    response.setHeader("Content-Disposition", "attachment; filename=\"runs.csv\"");
    Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    out.write(RunsCsv.HEADER);
    runs.forEach(filter, scope, run -> {
      try {
        out.write(RunsCsv.line(run));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // the caller went away: stop reading
      }
    });
    out.flush();
  }

  @GetMapping(path = "/runs/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  RunDetail one(@PathVariable String id) {
    return runs.detail(id, runs.scope());
  }

  /** The whole log of a step, streamed from the file its record names. */
  @GetMapping("/runs/{id}/steps/{stepId}/log")
  ResponseEntity<Resource> log(@PathVariable String id, @PathVariable String stepId) {
    StepRun step = runs.step(id, stepId, runs.scope());
    Path file = runs.logOf(step).orElseThrow(() -> new RunNotFoundException("log of step " + step.id()));
    return ResponseEntity.ok().contentType(TEXT)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Disposition", "inline; filename=\"" + step.step() + "-" + step.id() + ".log\"")
        .body(new FileSystemResource(file));
  }

  /**
   * The log from byte {@code from} on (without it: the last lines), for watching a running step.
   * {@code log} names the file the caller read {@code from} in: when the step has gone on to its
   * next command's log since, the answer is that log from its start, not from an offset that
   * belongs to another file.
   */
  @GetMapping(path = "/runs/{id}/steps/{stepId}/tail", produces = MediaType.APPLICATION_JSON_VALUE)
  LogTail tail(@PathVariable String id, @PathVariable String stepId, @RequestParam(required = false) String from,
      @RequestParam(required = false) String log) {
    StepRun step = runs.step(id, stepId, runs.scope());
    Long offset = offset(from);
    boolean running = step.status() == StepRun.Status.RUNNING;
    return runs.logOf(step).map(file -> LogTail.read(file, offsetIn(file, log, offset), running))
        .or(() -> running ? runs.sentByAgent(step).map(live -> LogTail.sent(live, offset)) : Optional.empty())
        .orElse(new LogTail(0, 0, "", running, null));
  }

  /** The offset, when it was read in this file; else the file's start. */
  private static Long offsetIn(Path file, String log, Long offset) {
    return log == null || log.equals(file.getFileName().toString()) ? offset : Long.valueOf(0);
  }

  private static Long offset(String from) {
    if (from == null || from.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(from.strip());
    } catch (NumberFormatException e) {
      throw new BadRunRequestException("from", "'from' must be a byte offset (a whole number from 0), not '"
          + from + "'.");
    }
  }
}

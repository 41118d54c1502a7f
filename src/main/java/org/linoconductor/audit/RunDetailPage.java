package org.linoconductor.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linoconductor.site.SiteStateChange;
import org.linoconductor.step.StepRun;

/**
 * What {@code templates/run.html} shows of one run: its facts, the timeline of its steps (by the
 * diagram's names), the decisions, the code versions and the site's state changes. Plain values only;
 * the template escapes them.
 */
final class RunDetailPage {

  private RunDetailPage() {}

  record Step(long id, String status, String name, String topic, PageText.Badge badge, PageText.Time started,
      String meta, String summary, String command, boolean running, String tailUrl, String tail, String logUrl,
      String logPath, String logNode) {}

  record Decision(String task, String who, PageText.Time when, String choice, String context, String comment) {}

  record CodeRow(boolean changed, String kind, String name, String before, String after) {}

  record StateChange(PageText.Time when, String text) {}

  static String title(RunDetail detail) {
    return detail.run().processKey() + " on " + detail.run().site();
  }

  static Map<String, Object> model(RunDetail detail) {
    RunRecord run = detail.run();
    String json = "/api/runs/" + RunListPage.url(run.processInstanceId());
    Map<String, Object> model = new HashMap<>();
    model.put("run", run);
    model.put("live", detail.ended() ? null : json);
    model.put("outcome", PageText.badge(run.outcome()));
    model.put("process", run.processKey());
    model.put("started", PageText.time(run.startedAt()));
    model.put("ended", PageText.time(run.endedAt()));
    model.put("duration", PageText.duration(run.startedAt(), run.endedAt()));
    model.put("endedAt", detail.nameOf(run.endActivity()));
    model.put("waiting", detail.waiting());
    model.put("cockpitUrl", detail.cockpitUrl());
    model.put("jsonUrl", json);
    model.put("steps", detail.steps().stream().map(step -> step(step, detail)).toList());
    model.put("decisions", run.decisions().stream().map(RunDetailPage::decision).toList());
    model.put("code", codeRows(detail.codeState()));
    model.put("siteStates", detail.siteStates().stream().map(RunDetailPage::stateChange).toList());
    return model;
  }

  private static Step step(StepView step, RunDetail detail) {
    boolean running = step.status() == StepRun.Status.RUNNING;
    String meta = (running ? "running" : PageText.duration(step.durationMillis()))
        + (step.exitStatus() == null ? "" : " · exit " + step.exitStatus());
    String summary = step.summary() == null ? null
        : (step.status() == StepRun.Status.SKIPPED ? "Skipped: " : "") + step.summary();
    boolean hasLog = step.logUrl() != null || running;
    // a log this server cannot open: a step agent's, on its host
    String logNode = hasLog || step.logPath() == null ? null : step.node();
    return new Step(step.id(), step.status().name().toLowerCase(Locale.ROOT),
        detail.names().getOrDefault(step.activityId(), step.step()), step.step(), PageText.badge(step.status()),
        PageText.time(step.startedAt()), meta, summary, step.command(), running, step.tailUrl(),
        running || step.tail() == null || step.tail().isBlank() ? null : step.tail(),
        hasLog ? step.tailUrl().replaceFirst("/tail$", "/log") : null, step.logPath(), logNode);
  }

  private static Decision decision(RunRecord.Decision d) {
    return new Decision(d.taskName() != null ? d.taskName() : d.taskKey(), d.decidedBy() == null ? "–" : d.decidedBy(),
        PageText.time(d.decidedAt()), d.choice(), d.context(), d.comment());
  }

  /** One row per repository or package: before and after pull.sh side by side, changes marked. */
  private static List<CodeRow> codeRows(List<CodeStates.Entry> entries) {
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (CodeStates.Entry e : entries) {
      String[] row = rows.computeIfAbsent(e.kind() + "\u0000" + e.name(), k -> new String[2]);
      row["after".equals(e.phase()) ? 1 : 0] = e.value();
    }
    return rows.entrySet().stream().map(entry -> {
      String[] kindAndName = entry.getKey().split("\u0000", 2);
      String[] row = entry.getValue();
      return new CodeRow(row[1] != null && !row[1].equals(row[0]), kindAndName[0], kindAndName[1], row[0], row[1]);
    }).toList();
  }

  private static StateChange stateChange(SiteStateChange c) {
    return new StateChange(PageText.time(c.changedAt()), c.site() + ": "
        + (c.from() == null ? "registered as " + c.to() : c.from() + " → " + c.to())
        + (c.changedBy() == null ? "" : " by " + c.changedBy()));
  }
}

package org.linoconductor.audit;

import static org.linoconductor.page.Html.escape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linoconductor.site.SiteStateChange;
import org.linoconductor.step.StepRun;

/**
 * The HTML of {@code /runs/{id}}: the facts of the run, the timeline of its steps with their log
 * tails, the decisions, the code versions and the site's state changes. While the run has not
 * ended, {@code conductor.js} appends to a running step's log and reloads when a step ends.
 */
final class RunDetailPage {

  private RunDetailPage() {}

  static String title(RunDetail detail) {
    return detail.run().processKey() + " on " + detail.run().site();
  }

  static String body(RunDetail detail) {
    RunRecord run = detail.run();
    String live = detail.ended() ? "" : " data-live=\"/api/runs/" + RunListPage.url(run.processInstanceId()) + "\"";
    StringBuilder html = new StringBuilder("<article class=\"run\"").append(live).append(">\n")
        .append("<p class=\"back\"><a href=\"/runs\">← All runs</a></p>\n")
        .append("<h1>").append(escape(title(detail))).append(" ").append(PageText.badge(run.outcome())).append("</h1>\n")
        .append(facts(detail))
        .append("<h2>Steps</h2>\n").append(steps(detail.steps()))
        .append("<h2>Decisions</h2>\n").append(decisions(run.decisions()))
        .append("<h2>Code versions</h2>\n").append(codeState(detail.codeState()))
        .append(siteStates(detail.siteStates()))
        .append("</article>\n");
    return html.toString();
  }

  private static String facts(RunDetail detail) {
    RunRecord run = detail.run();
    return "<dl class=\"facts\">\n"
        + fact("Run", "<code>" + escape(run.processInstanceId()) + "</code>")
        + fact("Process", escape(run.processKey()) + (run.dryRun() ? " <span class=\"dry\">dry run</span>" : ""))
        + fact("Site", escape(run.site()))
        + fact("Started by", run.startedBy() == null ? "–" : escape(run.startedBy()))
        + fact("Started", PageText.time(run.startedAt()))
        + fact("Ended", run.endedAt() == null ? "not yet" : PageText.time(run.endedAt()))
        + fact("Duration", PageText.duration(run.startedAt(), run.endedAt()))
        + (run.endActivity() == null ? "" : fact("Ended at", "<code>" + escape(run.endActivity()) + "</code>"))
        + (run.endReason() == null ? "" : fact("Reason", escape(run.endReason())))
        + (detail.waiting() == null ? "" : fact("Waiting", "<strong>" + escape(detail.waiting()) + "</strong>"))
        + "</dl>\n<p class=\"links\"><a href=\"" + escape(detail.cockpitUrl()) + "\">Open in Cockpit</a> · "
        + "<a href=\"/api/runs/" + RunListPage.url(run.processInstanceId()) + "\">JSON</a></p>\n";
  }

  private static String fact(String name, String valueHtml) {
    return "<div><dt>" + name + "</dt><dd>" + valueHtml + "</dd></div>\n";
  }

  private static String steps(List<StepView> steps) {
    if (steps.isEmpty()) {
      return "<p class=\"empty\">No step has run yet.</p>\n";
    }
    StringBuilder html = new StringBuilder("<ol class=\"timeline\">\n");
    for (StepView step : steps) {
      boolean running = step.status() == StepRun.Status.RUNNING;
      html.append("<li class=\"step step-").append(step.status().name().toLowerCase(Locale.ROOT))
          .append("\" id=\"step-").append(step.id()).append("\">\n<div class=\"step-head\"><span class=\"step-name\">")
          .append(escape(step.step())).append("</span> ").append(PageText.badge(step.status()))
          .append("<span class=\"meta\">").append(PageText.time(step.startedAt()))
          .append(" · ").append(running ? "running" : PageText.duration(step.durationMillis()))
          .append(step.exitStatus() == null ? "" : " · exit " + step.exitStatus()).append("</span></div>\n");
      if (step.summary() != null) {
        html.append("<p class=\"summary\">")
            .append(step.status() == StepRun.Status.SKIPPED ? "Skipped: " : "").append(escape(step.summary()))
            .append("</p>\n");
      }
      if (step.command() != null) {
        html.append("<pre class=\"command\"><code>$ ").append(escape(step.command())).append("</code></pre>\n");
      }
      if (running) {
        html.append("<pre class=\"tail\" aria-live=\"polite\" data-tail=\"").append(escape(step.tailUrl()))
            .append("\"></pre>\n");
      } else if (step.tail() != null && !step.tail().isBlank()) {
        html.append("<pre class=\"tail\">").append(escape(step.tail())).append("</pre>\n");
      }
      if (step.logUrl() != null || running) {
        html.append("<p class=\"log\"><a href=\"").append(escape(step.tailUrl().replaceFirst("/tail$", "/log")))
            .append("\">Full log</a>").append(step.logPath() == null ? "" : " <code>" + escape(step.logPath()) + "</code>")
            .append("</p>\n");
      }
      html.append("</li>\n");
    }
    return html.append("</ol>\n").toString();
  }

  private static String decisions(List<RunRecord.Decision> decisions) {
    if (decisions.isEmpty()) {
      return "<p class=\"empty\">No one was asked to decide.</p>\n";
    }
    StringBuilder html = new StringBuilder("""
        <table class="decisions"><thead><tr><th scope="col">Task</th><th scope="col">Who</th>\
        <th scope="col">When</th><th scope="col">Choice</th><th scope="col">Comment</th></tr></thead><tbody>
        """);
    for (RunRecord.Decision d : decisions) {
      html.append("<tr><td data-label=\"Task\">").append(escape(d.taskName() != null ? d.taskName() : d.taskKey()))
          .append("</td><td data-label=\"Who\">").append(d.decidedBy() == null ? "–" : escape(d.decidedBy()))
          .append("</td><td data-label=\"When\">").append(PageText.time(d.decidedAt()))
          .append("</td><td data-label=\"Choice\"><code>").append(escape(d.choice())).append("</code>")
          .append(d.context() == null ? "" : "<br><small>" + escape(d.context()) + "</small>")
          .append("</td><td data-label=\"Comment\">").append(escape(d.comment())).append("</td></tr>\n");
    }
    return html.append("</tbody></table>\n").toString();
  }

  /** One row per repository or package: before and after pull.sh side by side, changes marked. */
  private static String codeState(List<CodeStates.Entry> entries) {
    if (entries.isEmpty()) {
      return "<p class=\"empty\">This run recorded no code versions.</p>\n";
    }
    Map<String, String[]> rows = new LinkedHashMap<>();
    for (CodeStates.Entry e : entries) {
      String[] row = rows.computeIfAbsent(e.kind() + "\u0000" + e.name(), k -> new String[2]);
      row["after".equals(e.phase()) ? 1 : 0] = e.value();
    }
    StringBuilder html = new StringBuilder("""
        <table class="code"><thead><tr><th scope="col">Kind</th><th scope="col">Name</th>\
        <th scope="col">Before</th><th scope="col">After</th></tr></thead><tbody>
        """);
    rows.forEach((key, row) -> {
      String[] kindAndName = key.split("\u0000", 2);
      boolean changed = row[1] != null && !row[1].equals(row[0]);
      html.append("<tr").append(changed ? " class=\"changed\"" : "").append("><td data-label=\"Kind\">")
          .append(escape(kindAndName[0])).append("</td><td data-label=\"Name\">").append(escape(kindAndName[1]))
          .append("</td><td data-label=\"Before\"><code>").append(escape(row[0]))
          .append("</code></td><td data-label=\"After\"><code>").append(escape(row[1])).append("</code></td></tr>\n");
    });
    return html.append("</tbody></table>\n").toString();
  }

  private static String siteStates(List<SiteStateChange> changes) {
    if (changes.isEmpty()) {
      return "";
    }
    StringBuilder html = new StringBuilder("<h2>Site state</h2>\n<ul class=\"states\">\n");
    for (SiteStateChange c : changes) {
      html.append("<li>").append(PageText.time(c.changedAt())).append(" ").append(escape(c.site())).append(": ")
          .append(c.from() == null ? "registered as " + escape(c.to())
              : escape(c.from()) + " → " + escape(c.to()))
          .append(c.changedBy() == null ? "" : " by " + escape(c.changedBy())).append("</li>\n");
    }
    return html.append("</ul>\n").toString();
  }
}

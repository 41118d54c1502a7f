package org.linoconductor.audit;

import static org.linoconductor.page.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The HTML of {@code /runs}: the filter form, one row per run, newest first, and paging links. */
final class RunListPage {

  private RunListPage() {}

  /**
   * @param filter what the page shows, or null when the caller's filter was refused
   * @param problem why the filter was refused, or null
   */
  static String body(RunFilter filter, RunPage page, List<String> sites, Set<String> processes, String problem) {
    StringBuilder html = new StringBuilder("<h1>Runs</h1>\n");
    html.append(form(filter, sites, processes));
    if (problem != null) {
      html.append("<p class=\"problem\" role=\"alert\">").append(escape(problem)).append("</p>\n");
      return html.toString();
    }
    String query = query(filter);
    html.append("<p class=\"count\">").append(page.total()).append(page.total() == 1 ? " run" : " runs")
        .append(" · <a href=\"/api/runs.csv").append(escape(query)).append("\">CSV</a>")
        .append(" · <a href=\"/api/runs").append(escape(query)).append("\">JSON</a></p>\n");
    if (page.items().isEmpty()) {
      html.append("<p class=\"empty\">No runs match.</p>\n");
      return html.toString();
    }
    html.append("""
        <table class="runs">
        <thead><tr><th scope="col">Started</th><th scope="col">Process</th><th scope="col">Site</th>\
        <th scope="col">Started by</th><th scope="col">Duration</th><th scope="col">Outcome</th></tr></thead>
        <tbody>
        """);
    for (RunSummary run : page.items()) {
      html.append("<tr><td data-label=\"Started\"><a href=\"/runs/").append(url(run.processInstanceId())).append("\">")
          .append(PageText.time(run.startedAt())).append("</a></td>")
          .append("<td data-label=\"Process\">").append(escape(run.processKey()))
          .append(run.dryRun() ? " <span class=\"dry\">dry run</span>" : "").append("</td>")
          .append("<td data-label=\"Site\">").append(escape(run.site())).append("</td>")
          .append("<td data-label=\"Started by\">").append(run.startedBy() == null ? "–" : escape(run.startedBy()))
          .append("</td><td data-label=\"Duration\">")
          .append(PageText.duration(run.startedAt(), run.endedAt()))
          .append("</td><td data-label=\"Outcome\">").append(PageText.badge(run.outcome())).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n").append(paging(filter, page));
    return html.toString();
  }

  private static String form(RunFilter filter, List<String> sites, Set<String> processes) {
    return "<form class=\"filters\" method=\"get\" action=\"/runs\">\n"
        + select("site", "Site", sites, filter == null ? null : filter.site())
        + select("process", "Process", List.copyOf(processes), filter == null ? null : filter.process())
        + select("outcome", "Outcome", RunFilter.outcomes(), filter == null ? null : filter.outcome())
        + date("from", "From", filter == null || filter.from() == null ? null : filter.from().toString())
        + date("to", "To", filter == null || filter.to() == null ? null : filter.to().toString())
        + "<div class=\"actions\"><button type=\"submit\">Filter</button> <a href=\"/runs\">Reset</a></div>\n</form>\n";
  }

  private static String select(String name, String label, List<String> values, String selected) {
    StringBuilder html = new StringBuilder("<label>").append(label).append(" <select name=\"").append(name)
        .append("\"><option value=\"\">all</option>");
    for (String value : values) {
      html.append("<option").append(value.equals(selected) ? " selected" : "").append(" value=\"")
          .append(escape(value)).append("\">").append(escape(value.replace('_', ' ').toLowerCase(Locale.ROOT)))
          .append("</option>");
    }
    return html.append("</select></label>\n").toString();
  }

  private static String date(String name, String label, String value) {
    return "<label>" + label + " <input type=\"date\" name=\"" + name + "\" value=\"" + escape(value) + "\"></label>\n";
  }

  private static String paging(RunFilter filter, RunPage page) {
    long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
    StringBuilder html = new StringBuilder("<nav class=\"paging\" aria-label=\"Pages\">");
    html.append(page.page() > 0 ? link(filter.onPage(page.page() - 1), "← Newer") : "<span></span>");
    html.append("<span>Page ").append(page.page() + 1).append(page.totalExact() ? " of " : " of more than ")
        .append(pages).append("</span>");
    html.append(page.hasNext() ? link(filter.onPage(page.page() + 1), "Older →") : "<span></span>");
    return html.append("</nav>\n").toString();
  }

  private static String link(RunFilter filter, String text) {
    return "<a href=\"/runs" + escape(query(filter)) + "\">" + text + "</a>";
  }

  /** The filter as a query string, for the paging, CSV and JSON links. */
  static String query(RunFilter filter) {
    List<String> parts = new ArrayList<>();
    add(parts, "site", filter.site());
    add(parts, "process", filter.process());
    add(parts, "outcome", filter.outcome());
    add(parts, "from", filter.from());
    add(parts, "to", filter.to());
    if (filter.page() > 0) {
      add(parts, "page", filter.page());
    }
    if (filter.size() != RunFilter.DEFAULT_SIZE) {
      add(parts, "size", filter.size());
    }
    return parts.isEmpty() ? "" : "?" + String.join("&", parts);
  }

  private static void add(List<String> parts, String name, Object value) {
    if (value != null) {
      parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
    }
  }

  static String url(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

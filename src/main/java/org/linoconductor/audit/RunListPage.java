package org.linoconductor.audit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What {@code templates/runs.html} shows: the filter form, one row per run, newest first, and paging
 * links. Plain values only; the template escapes them.
 */
final class RunListPage {

  private RunListPage() {}

  record Select(String name, String label, List<Option> options) {}

  record Option(String value, String text, boolean selected) {}

  record Row(String href, PageText.Time started, String process, boolean dryRun, String site, String startedBy,
      String duration, PageText.Badge outcome) {}

  /**
   * @param filter what the page shows, or null when the caller's filter was refused
   * @param problem why the filter was refused, or null
   */
  static Map<String, Object> model(RunFilter filter, RunPage page, List<String> sites, Set<String> processes,
      String problem) {
    Map<String, Object> model = new HashMap<>();
    model.put("selects", List.of(
        select("site", "Site", sites, filter == null ? null : filter.site()),
        select("process", "Process", List.copyOf(processes), filter == null ? null : filter.process()),
        select("outcome", "Outcome", RunFilter.outcomes(), filter == null ? null : filter.outcome())));
    model.put("from", filter == null || filter.from() == null ? null : filter.from().toString());
    model.put("to", filter == null || filter.to() == null ? null : filter.to().toString());
    model.put("problem", problem);
    if (problem != null) {
      return model;
    }
    model.put("total", page.total());
    model.put("query", query(filter));
    model.put("rows", page.items().stream().map(RunListPage::row).toList());
    long pages = Math.max(1, (page.total() + page.size() - 1) / page.size());
    model.put("pageText", "Page " + (page.page() + 1) + (page.totalExact() ? " of " : " of more than ") + pages);
    model.put("newer", page.page() > 0 ? "/runs" + query(filter.onPage(page.page() - 1)) : null);
    model.put("older", page.hasNext() ? "/runs" + query(filter.onPage(page.page() + 1)) : null);
    return model;
  }

  private static Row row(RunSummary run) {
    return new Row("/runs/" + url(run.processInstanceId()), PageText.time(run.startedAt()), run.processKey(),
        run.dryRun(), run.site(), run.startedBy() == null ? "–" : run.startedBy(),
        PageText.duration(run.startedAt(), run.endedAt()), PageText.badge(run.outcome()));
  }

  private static Select select(String name, String label, List<String> values, String selected) {
    return new Select(name, label, values.stream().map(value -> new Option(value,
        value.replace('_', ' ').toLowerCase(Locale.ROOT), value.equals(selected))).toList());
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

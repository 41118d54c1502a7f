package org.linoconductor.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies the line matchers to each output line and keeps, per fact, at most the first N lines. */
final class FactCollector {

  private final List<Fact> facts;

  FactCollector(List<LineMatcher> matchers, int maxLines) {
    this.facts = matchers.stream().map(m -> new Fact(m, maxLines)).toList();
  }

  void accept(String line) {
    facts.forEach(fact -> fact.accept(line));
  }

  Map<String, List<String>> facts() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    facts.forEach(fact -> result.put(fact.matcher.fact(), List.copyOf(fact.lines)));
    return result;
  }

  private static final class Fact {
    private final LineMatcher matcher;
    private final int maxLines;
    private final List<String> lines = new ArrayList<>();
    /** Lines still to keep after the last match. */
    private int following;

    Fact(LineMatcher matcher, int maxLines) {
      this.matcher = matcher;
      this.maxLines = maxLines;
    }

    void accept(String line) {
      if (matcher.pattern().matcher(line).find()) {
        keep(line);
        following = matcher.keepLines();
      } else if (following > 0) {
        keep(line);
        following--;
      }
    }

    private void keep(String line) {
      if (lines.size() < maxLines) {
        lines.add(line);
      }
    }
  }
}

package org.linoconductor.audit;

import java.util.List;

/**
 * One page of runs, newest first, and how many match.
 *
 * @param total how many runs match, when {@code totalExact}; else how many were counted (more match)
 */
record RunPage(List<RunSummary> items, long total, boolean totalExact, int page, int size) {

  boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}

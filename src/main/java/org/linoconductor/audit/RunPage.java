package org.linoconductor.audit;

import java.util.List;

/** One page of runs, newest first, and how many match in all. */
record RunPage(List<RunSummary> items, long total, int page, int size) {

  boolean hasNext() {
    return (long) (page + 1) * size < total;
  }
}

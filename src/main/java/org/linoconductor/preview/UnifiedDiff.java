package org.linoconductor.preview;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code diff -u}, three lines of context) of a text whose lines were changed in
 * place: a name replacement never adds or removes a line, so line i of the old text is line i of
 * the new one and no longest-common-subsequence search is needed.
 */
final class UnifiedDiff {

  static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** Empty when nothing changed. */
  static String of(String oldLabel, String newLabel, String oldText, String newText) {
    List<String> a = oldText.lines().toList();
    List<String> b = newText.lines().toList();
    if (a.size() != b.size()) {
      throw new IllegalArgumentException("Line counts differ: this diff is for in-place line changes only");
    }
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).equals(b.get(i))) {
        changed.add(i);
      }
    }
    if (changed.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("--- ").append(oldLabel).append('\n')
        .append("+++ ").append(newLabel).append('\n');
    int k = 0;
    while (k < changed.size()) {
      int start = Math.max(0, changed.get(k) - CONTEXT);
      int last = k;
      // Changes closer than twice the context share a hunk, as diff -u does.
      while (last + 1 < changed.size() && changed.get(last + 1) - changed.get(last) <= 2 * CONTEXT) {
        last++;
      }
      int end = Math.min(a.size(), changed.get(last) + CONTEXT + 1);
      out.append("@@ -").append(start + 1).append(',').append(end - start)
          .append(" +").append(start + 1).append(',').append(end - start).append(" @@\n");
      int i = start;
      while (i < end) {
        if (a.get(i).equals(b.get(i))) {
          out.append(' ').append(a.get(i)).append('\n');
          i++;
          continue;
        }
        int runEnd = i;
        while (runEnd < end && !a.get(runEnd).equals(b.get(runEnd))) {
          runEnd++;
        }
        for (int j = i; j < runEnd; j++) {
          out.append('-').append(a.get(j)).append('\n');
        }
        for (int j = i; j < runEnd; j++) {
          out.append('+').append(b.get(j)).append('\n');
        }
        i = runEnd;
      }
      k = last + 1;
    }
    return out.toString();
  }
}

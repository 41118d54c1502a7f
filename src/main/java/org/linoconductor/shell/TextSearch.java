package org.linoconductor.shell;

/**
 * Finds one text in output held one char per byte (ISO-8859-1). {@link String#indexOf(int, int)} runs
 * with 32-byte vector instructions, {@link String#indexOf(String, int)} 16 bytes at a time with a slow
 * string instruction: finding one char of the text and comparing the whole text there is several times
 * faster (measured on a restore's output: docs/benchmarks.md, item 5), as long as that char is rare. So
 * the char searched for is the text's least common one by a rough ranking of what output is made of;
 * where it turns out to be frequent all the same, the search falls back to the whole text's.
 */
final class TextSearch {

  /** Chars frequent in output, most frequent first: a char not listed counts as the rarest. */
  private static final String COMMON = " etaoinsrhl0123456789dcumfpgwybvk.,:'\"/-_()=\nxjqz"
      + "ETAOINSRHLDCUMFPGWYBVKXJQZ";
  /** Places where the char is found but not the text, per search, before the whole text is searched for. */
  private static final int MISSES = 8;

  private final String wanted;
  /** The char searched for, and where it is in {@link #wanted}. */
  private final char key;
  private final int keyAt;

  /** {@code wanted} is not empty. */
  TextSearch(String wanted) {
    this.wanted = wanted;
    int rarest = 0;
    for (int i = 1; i < wanted.length(); i++) {
      if (rank(wanted.charAt(i)) > rank(wanted.charAt(rarest))) {
        rarest = i;
      }
    }
    this.keyAt = rarest;
    this.key = wanted.charAt(rarest);
  }

  int length() {
    return wanted.length();
  }

  /** The same as {@code text.indexOf(wanted, from)}. */
  int in(String text, int from) {
    int start = Math.max(from, 0);
    int at = text.indexOf(key, start + keyAt);
    for (int misses = 0; at >= 0; at = text.indexOf(key, at + 1)) {
      if (text.startsWith(wanted, at - keyAt)) {
        return at - keyAt;
      }
      if (++misses == MISSES) {
        return text.indexOf(wanted, at - keyAt + 1);
      }
    }
    return -1;
  }

  private static int rank(char c) {
    int common = COMMON.indexOf(c);
    return common < 0 ? COMMON.length() : common;
  }
}

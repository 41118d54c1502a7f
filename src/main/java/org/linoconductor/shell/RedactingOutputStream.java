package org.linoconductor.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Masks secrets in a byte stream. A secret may arrive split over two writes, so up to (longest secret
 * - 1) bytes are held back until the next write or {@link #close()}; memory stays bounded whatever the
 * stream's length. {@link #flush()} deliberately does not release them.
 *
 * <p>A write is passed on in place, as slices between the masks: only the held-back bytes and the
 * beginning of the next write go through the seam. The secrets are searched for in a one-char-per-byte
 * copy of the write, whose String search the JVM runs with vector instructions ({@link TextSearch}):
 * two to three times faster, copy included, than a search over the bytes eight at a time.
 */
final class RedactingOutputStream extends OutputStream {

  private static final byte[] MASK = Redactor.MASK.getBytes(StandardCharsets.UTF_8);
  /** Not yet searched for in the current scan. */
  private static final int UNKNOWN = -1;
  /** Not in the current scan's range. */
  private static final int ABSENT = Integer.MAX_VALUE;

  /** The secrets' bytes one char per byte, longest first. */
  private final List<TextSearch> secrets;
  private final int longest;
  private final OutputStream downstream;
  /** The held-back bytes, then (for a while) a copy of the next write's beginning. */
  private final byte[] seam;
  /** Per secret, where it next occurs in the current scan: a position, UNKNOWN or ABSENT. */
  private final int[] next;
  private int held;
  private boolean closed;

  RedactingOutputStream(List<byte[]> secrets, OutputStream downstream) {
    this.secrets = secrets.stream().map(s -> new TextSearch(new String(s, StandardCharsets.ISO_8859_1))).toList();
    this.longest = secrets.isEmpty() ? 0 : secrets.get(0).length;
    this.downstream = downstream;
    this.seam = new byte[2 * longest];
    this.next = new int[secrets.size()];
  }

  @Override
  public synchronized void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    if (closed || len == 0) {
      return;
    }
    if (longest == 0) {
      downstream.write(b, off, len);
      return;
    }
    if (len < longest) {
      // too short to decide anything in place: joined to the held-back bytes
      System.arraycopy(b, off, seam, held, len);
      int n = held + len;
      int decided = scan(seam, 0, n - longest + 1, n);
      held = n - decided;
      System.arraycopy(seam, decided, seam, 0, held);
      return;
    }
    // the held-back positions, with as much of this write behind them as a secret there can reach
    System.arraycopy(b, off, seam, held, longest - 1);
    int cursor = off + scan(seam, 0, held, held + longest - 1) - held;
    // then this write in place: a position is decided once the longest secret fits behind it
    int end = off + len;
    int decided = scan(b, cursor, end - longest + 1, end);
    held = end - decided;
    System.arraycopy(b, decided, seam, 0, held);
  }

  /**
   * Passes on {@code a[from, ...)}, masked, deciding every position before {@code limit} (a secret
   * starting there lies within {@code a[.., n)}); returns the first position not passed on.
   */
  private int scan(byte[] a, int from, int limit, int n) throws IOException {
    if (from >= limit) {
      return from;
    }
    String text = new String(a, from, n - from, StandardCharsets.ISO_8859_1); // text[j] is a[from + j]
    int end = limit - from;
    Arrays.fill(next, UNKNOWN);
    int passed = 0;
    int i = 0;
    while (i < end) {
      int at = ABSENT;
      TextSearch found = null;
      for (int s = 0; s < next.length; s++) {
        if (next[s] < i) {
          int position = secrets.get(s).in(text, i);
          next[s] = position < 0 || position >= end ? ABSENT : position;
        }
        if (next[s] < at) { // at the same position the longer secret, which comes first, wins
          at = next[s];
          found = secrets.get(s);
        }
      }
      if (found == null) {
        i = end;
        break;
      }
      downstream.write(a, from + passed, at - passed);
      downstream.write(MASK);
      i = at + found.length();
      passed = i;
    }
    downstream.write(a, from + passed, i - passed);
    return from + i;
  }

  @Override
  public synchronized void flush() throws IOException {
    downstream.flush();
  }

  /** Releases the held-back bytes (masked where a secret is complete) and closes downstream. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (held > 0) {
      scan(seam, 0, held, held);
      held = 0;
    }
    downstream.close();
  }
}

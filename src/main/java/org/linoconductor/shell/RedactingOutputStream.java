package org.linoconductor.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Masks secrets in a byte stream. A secret may arrive split over two writes, so up to (longest secret
 * - 1) bytes are held back until the next write or {@link #close()}; memory stays bounded whatever the
 * stream's length. {@link #flush()} deliberately does not release them.
 */
final class RedactingOutputStream extends OutputStream {

  private static final byte[] MASK = Redactor.MASK.getBytes(StandardCharsets.UTF_8);

  private final List<byte[]> secrets; // longest first
  private final int longest;
  private final boolean[] firstBytes = new boolean[256];
  private final OutputStream downstream;
  private byte[] work = new byte[0];
  private int held;
  private boolean closed;

  RedactingOutputStream(List<byte[]> secrets, OutputStream downstream) {
    this.secrets = secrets;
    this.longest = secrets.isEmpty() ? 0 : secrets.get(0).length;
    this.downstream = downstream;
    secrets.forEach(s -> firstBytes[s[0] & 0xff] = true);
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
    if (work.length < held + len) {
      byte[] bigger = new byte[held + len];
      System.arraycopy(work, 0, bigger, 0, held);
      work = bigger;
    }
    System.arraycopy(b, off, work, held, len);
    int n = held + len;
    // a position is decided once the longest secret fits behind it
    int decided = scan(n, n - longest + 1);
    held = n - decided;
    System.arraycopy(work, decided, work, 0, held);
  }

  /** Emits work[0, n) up to the first undecided position at or after {@code limit}; returns it. */
  private int scan(int n, int limit) throws IOException {
    int runStart = 0;
    int i = 0;
    while (i < limit) {
      byte[] match = firstBytes[work[i] & 0xff] ? secretAt(i, n) : null;
      if (match == null) {
        i++;
        continue;
      }
      downstream.write(work, runStart, i - runStart);
      downstream.write(MASK);
      i += match.length;
      runStart = i;
    }
    downstream.write(work, runStart, i - runStart);
    return i;
  }

  private byte[] secretAt(int i, int n) {
    for (byte[] secret : secrets) {
      if (i + secret.length <= n && regionMatches(i, secret)) {
        return secret;
      }
    }
    return null;
  }

  private boolean regionMatches(int i, byte[] secret) {
    for (int k = 0; k < secret.length; k++) {
      if (work[i + k] != secret[k]) {
        return false;
      }
    }
    return true;
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
      scan(held, held);
      held = 0;
    }
    downstream.close();
  }
}

package org.linoconductor.shell;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Searches output bytes eight at a time: a restore can print a gigabyte of lines, and a loop over
 * single bytes would cost the runner most of its time (the JIT does not vectorize a search loop).
 */
final class ByteScan {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private static final long NEWLINES = ONES * '\n';

  private ByteScan() {}

  /** The index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
  static int newline(byte[] b, int from, int to) {
    int i = from;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      long x = (long) LONGS.get(b, i) ^ NEWLINES;
      // a byte of x is zero where b had '\n'; the lowest flagged byte is always a true one
      long found = (x - ONES) & ~x & HIGH_BITS;
      if (found != 0) {
        return i + (Long.numberOfTrailingZeros(found) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The index of the last {@code '\n'} in {@code b[from, to)}, or -1. */
  static int lastNewline(byte[] b, int from, int to) {
    int i = to;
    for (; i - Long.BYTES >= from; i -= Long.BYTES) {
      long x = (long) LONGS.get(b, i - Long.BYTES) ^ NEWLINES;
      if (((x - ONES) & ~x & HIGH_BITS) != 0) {
        break; // this word holds one (the highest flag may be false): find it bytewise
      }
    }
    for (int j = i - 1; j >= from; j--) {
      if (b[j] == '\n') {
        return j;
      }
    }
    return -1;
  }

  /** Whether {@code b[from, to)} holds only ASCII (no byte of a multi-byte UTF-8 character). */
  static boolean ascii(byte[] b, int from, int to) {
    int i = from;
    long bits = 0;
    for (; i + Long.BYTES <= to; i += Long.BYTES) {
      bits |= (long) LONGS.get(b, i);
    }
    for (; i < to; i++) {
      bits |= b[i];
    }
    return (bits & HIGH_BITS) == 0;
  }
}

package org.linoconductor.shell;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The last lines of a command's output, as bytes in reused slots: decoded only when the tail is
 * asked for, so a flood of lines costs a copy of the last ones per block, not a String per line.
 */
final class TailLines {

  private final byte[][] slots;
  private final int[] lengths;
  private final boolean[] cut;
  private int next;
  private int size;

  TailLines(int capacity) {
    this.slots = new byte[capacity][];
    this.lengths = new int[capacity];
    this.cut = new boolean[capacity];
  }

  int capacity() {
    return slots.length;
  }

  /** Adds one line (without its newline); {@code cutOff} marks the beginning of an over-long line. */
  void add(byte[] bytes, int offset, int length, boolean cutOff) {
    byte[] slot = slots[next];
    if (slot == null || slot.length < length) {
      slot = new byte[Math.max(length, 128)];
      slots[next] = slot;
    }
    System.arraycopy(bytes, offset, slot, 0, length);
    lengths[next] = length;
    cut[next] = cutOff;
    next = (next + 1) % slots.length;
    size = Math.min(size + 1, slots.length);
  }

  @Override
  public String toString() {
    StringJoiner joined = new StringJoiner("\n");
    for (int i = 0; i < size; i++) {
      int slot = Math.floorMod(next - size + i, slots.length);
      joined.add(decode(slots[slot], lengths[slot]) + (cut[slot] ? StepOutput.CUT_MARKER : ""));
    }
    return joined.toString();
  }

  /** A line as the operator reads it: UTF-8, without the {@code \r} of a CRLF line end. */
  static String decode(byte[] bytes, int length) {
    return decode(bytes, 0, length);
  }

  static String decode(byte[] bytes, int offset, int length) {
    int end = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
    return new String(bytes, offset, end, StandardCharsets.UTF_8);
  }
}

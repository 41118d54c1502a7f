package org.linoconductor.shell;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import sun.misc.Unsafe;

/**
 * A {@link String} that reads a byte array in place, one char per byte (ISO-8859-1), for the vectorized
 * searches of {@link TextSearch}: copying each block of output into a new String cost the runner some
 * 15 % of its throughput on a flood of output (a gigabyte of fresh heap per gigabyte, and its young
 * collections). The String's bytes change when the array is reused, so a view never leaves the search
 * that made it: what is kept of a line is a copy ({@code new String(bytes, ...)}, never
 * {@code substring}, which may return the view itself).
 *
 * <p>Where the JVM does not store a String as a byte array with one byte per char (another JDK,
 * {@code -XX:-CompactStrings}, or {@code sun.misc.Unsafe} gone), checked once with a test text,
 * {@link #of} copies instead.
 */
final class ByteTextView {

  private static final Unsafe UNSAFE = unsafe();
  private static final long VALUE = UNSAFE == null ? -1 : valueOffset();
  private static final boolean WORKS = VALUE >= 0 && works();

  private ByteTextView() {}

  /**
   * {@code bytes[0, length)} as a String, each char at its byte's position; it may go on beyond
   * {@code length} (with what the array holds there), so a search bounds what it finds itself. Read in
   * place when that is most of the array: a search that finds nothing runs to the array's end.
   */
  static String of(byte[] bytes, int length) {
    return WORKS && length >= bytes.length / 2 ? view(bytes)
        : new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }

  /** Whether {@link #of} reads in place (for the tests). */
  static boolean inPlace() {
    return WORKS;
  }

  private static String view(byte[] bytes) {
    try {
      String text = (String) UNSAFE.allocateInstance(String.class);
      UNSAFE.putObject(text, VALUE, bytes); // coder 0 (LATIN1) and hash 0 as allocated
      return text;
    } catch (InstantiationException e) {
      throw new IllegalStateException("cannot happen: String is a concrete class", e);
    }
  }

  private static Unsafe unsafe() {
    try {
      Field field = Unsafe.class.getDeclaredField("theUnsafe");
      field.setAccessible(true);
      return (Unsafe) field.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** The offset of String's {@code byte[] value}, or -1 where it is not one. */
  private static long valueOffset() {
    try {
      Field value = String.class.getDeclaredField("value");
      return value.getType() == byte[].class ? UNSAFE.objectFieldOffset(value) : -1;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  /** Whether a view behaves as the String of its bytes, and follows them when they change. */
  private static boolean works() {
    try {
      byte[] bytes = "Loaded 272 objects\n\u00e9".getBytes(StandardCharsets.ISO_8859_1);
      String expected = new String(bytes, StandardCharsets.ISO_8859_1);
      String text = view(bytes);
      boolean same = text.length() == expected.length() && text.indexOf('\n') == expected.indexOf('\n')
          && text.indexOf("272") == 7 && text.charAt(bytes.length - 1) == '\u00e9' && text.startsWith("Loaded");
      bytes[0] = 'l';
      return same && text.charAt(0) == 'l';
    } catch (RuntimeException e) {
      return false;
    }
  }
}

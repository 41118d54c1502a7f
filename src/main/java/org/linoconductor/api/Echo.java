package org.linoconductor.api;

/**
 * How a caller's value appears in an answer or a log line: quoted, and cut after {@link #SHOWN}
 * characters, so that a megabyte sent is never a megabyte echoed (nor a forged log line: control
 * characters are shown as '?').
 */
public final class Echo {

  /** Characters of a value shown before it is cut. */
  static final int SHOWN = 60;

  private Echo() {}

  /** {@code 'value'}, or {@code 'first 60 characters…' (1234 characters)} for a longer one. */
  public static String brief(String value) {
    if (value == null) {
      return "null";
    }
    String visible = value.codePoints().limit(SHOWN + 1L)
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    if (visible.codePointCount(0, visible.length()) <= SHOWN) {
      return "'" + visible + "'";
    }
    return "'" + visible.substring(0, visible.offsetByCodePoints(0, SHOWN)) + "…' (" + value.length()
        + " characters)";
  }
}

package org.linoconductor.input;

/**
 * How a value someone sent appears in an answer or a log line: whole when short, else its start and
 * its length, and never with line breaks or other control characters (no forged log lines). A 10 MB
 * value is then never echoed back or written to the log.
 */
public final class Shown {

  /** Characters of a value shown at most. */
  static final int MAX = 60;

  private Shown() {}

  public static String value(Object value) {
    String text = String.valueOf(value);
    return visible(text) + (text.length() <= MAX ? "" : "… (" + text.length() + " characters)");
  }

  /**
   * {@link #value} in quotes, for a message that names what was sent: {@code 'abc'}, or
   * {@code 'first 60 characters…' (1234 characters)}.
   */
  public static String quoted(Object value) {
    if (value == null) {
      return "null";
    }
    String text = String.valueOf(value);
    return "'" + visible(text) + (text.length() <= MAX ? "'" : "…' (" + text.length() + " characters)");
  }

  private static String visible(String text) {
    return (text.length() <= MAX ? text : text.substring(0, MAX)).replaceAll("\\p{Cntrl}", "?");
  }

  /** The Java type of a value as a REST caller writes it: Boolean, String, Integer, … */
  public static String type(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}

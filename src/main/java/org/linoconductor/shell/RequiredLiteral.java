package org.linoconductor.shell;

import java.util.regex.Pattern;

/**
 * The plain text every match of a pattern begins with, such as {@code "Abandoning with "} of
 * {@code "Abandoning with (\\d+) unsaved instances"}: a line without it cannot match. Found only where
 * that is certain (no alternation, no flags, no inline groups); otherwise there is none.
 */
final class RequiredLiteral {

  /** Shorter texts are found too often to save anything. */
  private static final int MIN_LENGTH = 3;
  private static final String META = "\\[](){}.*+?^$|";
  private static final String QUANTIFIERS = "*+?{";

  private RequiredLiteral() {}

  /** The ASCII text every match begins with, or {@code null}. */
  static String of(Pattern pattern) {
    String regex = pattern.pattern();
    if (pattern.flags() != 0 || regex.contains("|") || regex.contains("(?") || regex.contains("\\Q")) {
      return null;
    }
    StringBuilder literal = new StringBuilder();
    int i = regex.startsWith("^") ? 1 : 0;
    while (i < regex.length()) {
      char c = regex.charAt(i);
      char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
      int width;
      if (c == '\\' && next != 0 && next < 128 && !Character.isLetterOrDigit(next)) {
        c = next; // an escaped punctuation character stands for itself
        width = 2;
      } else if (META.indexOf(c) < 0 && c < 128) {
        width = 1;
      } else {
        break;
      }
      if (i + width < regex.length() && QUANTIFIERS.indexOf(regex.charAt(i + width)) >= 0) {
        break; // "ab*": the b may be absent
      }
      literal.append(c);
      i += width;
    }
    return literal.length() >= MIN_LENGTH ? literal.toString() : null;
  }
}

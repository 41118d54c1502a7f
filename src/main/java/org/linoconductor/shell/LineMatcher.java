package org.linoconductor.shell;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Extracts a fact from a command's output: every line in which {@code pattern} is found is kept under
 * {@code fact}, together with the {@code keepLines} lines that follow it (e.g. the object groups listed
 * after {@code Abandoning with N unsaved instances:}).
 */
public record LineMatcher(String fact, Pattern pattern, int keepLines) {

  public LineMatcher {
    if (fact == null || fact.isBlank()) {
      throw new IllegalArgumentException("a line matcher needs a fact name");
    }
    Objects.requireNonNull(pattern, "pattern");
    if (keepLines < 0) {
      throw new IllegalArgumentException("keepLines must be >= 0, was " + keepLines);
    }
  }

  public static LineMatcher of(String fact, String regex) {
    return new LineMatcher(fact, Pattern.compile(regex), 0);
  }

  public static LineMatcher of(String fact, String regex, int keepLines) {
    return new LineMatcher(fact, Pattern.compile(regex), keepLines);
  }
}

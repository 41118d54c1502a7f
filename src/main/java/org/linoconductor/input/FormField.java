package org.linoconductor.input;

import java.util.List;
import java.util.Optional;

/**
 * One field of a user task's form, as the task's completion may set it: a Boolean ({@link #flag}),
 * one of a few texts ({@link #choice}) or a text of bounded length ({@link #text}). Checked against
 * the {@code .form} file by a test; a completion is checked against it by {@link TaskFormGuard}.
 */
public record FormField(String name, Kind kind, List<String> values, int maxLength, boolean required) {

  /** What a comment may hold: a few paragraphs, well inside Camunda's 4000-character text column. */
  public static final int COMMENT_MAX_LENGTH = 2000;

  public enum Kind { FLAG, CHOICE, TEXT }

  public static FormField flag(String name) {
    return new FormField(name, Kind.FLAG, List.of(), 0, false);
  }

  public static FormField choice(String name, String... values) {
    return new FormField(name, Kind.CHOICE, List.of(values), 0, false);
  }

  public static FormField text(String name, int maxLength) {
    return new FormField(name, Kind.TEXT, List.of(), maxLength, false);
  }

  /** The same field, which every completion must set (the task's decision). */
  public FormField mandatory() {
    return new FormField(name, kind, values, maxLength, true);
  }

  /**
   * Why {@code value} cannot be this field's value, saying how to write it; empty when it can.
   * {@code type} is the type the caller named (Camunda's REST {@code "type"}), or null.
   */
  Optional<String> problem(String form, Object value, String type) {
    String field = "Field '" + name + "' of form " + form;
    if (value == null && (type == null || "null".equalsIgnoreCase(type))) {
      return required ? Optional.of(field + " is required: " + howToWrite() + ".") : Optional.empty();
    }
    return switch (kind) {
      case FLAG -> value instanceof Boolean && named(type, "boolean") ? Optional.empty()
          : Optional.of(field + " is a Boolean, not " + Shown.type(value) + " " + Shown.value(value) + ": "
              + howToWrite() + ".");
      case CHOICE -> value instanceof String text && named(type, "string") && values.contains(text) ? Optional.empty()
          : Optional.of(field + " is one of " + String.join(", ", values) + ", not " + Shown.value(value) + ": "
              + howToWrite() + ".");
      case TEXT -> !(value instanceof String text && named(type, "string"))
          ? Optional.of(field + " is a text, not " + Shown.type(value) + ": " + howToWrite() + ".")
          : text.length() > maxLength ? Optional.of(field + " holds at most " + maxLength + " characters; this one"
              + " has " + text.length() + ". Shorten it.") : Optional.empty();
    };
  }

  /** The JSON a REST caller (or Tasklist) sends for this field. */
  String howToWrite() {
    return switch (kind) {
      case FLAG -> "write {\"" + name + "\": {\"value\": true, \"type\": \"Boolean\"}} (or false)";
      case CHOICE -> "write {\"" + name + "\": {\"value\": \"" + values.get(0) + "\"}}";
      case TEXT -> "write {\"" + name + "\": {\"value\": \"your text\"}}, at most " + maxLength + " characters";
    };
  }

  private static boolean named(String type, String expected) {
    return type == null || type.equalsIgnoreCase(expected);
  }
}

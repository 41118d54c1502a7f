package org.linoconductor.step;

import java.util.Map;
import java.util.Optional;
import org.linoconductor.input.Shown;

/**
 * The variables a run was started with, read only through checks of type and length: a value of the
 * wrong type or too long refuses the start with a message saying how to write it, and never holds the
 * value whole.
 */
public final class StartVariables {

  private final Map<String, Object> variables;

  StartVariables(Map<String, Object> variables) {
    this.variables = variables;
  }

  /** The variable as it came, for parameters with a type of their own (a date); null when not given. */
  public Object raw(String name) {
    return variables.get(name);
  }

  /** A Boolean, and only a Boolean: "true" (text) or 1 is refused, never read as true. */
  public Optional<Boolean> flag(String name) {
    Object value = variables.get(name);
    if (value == null || value instanceof Boolean) {
      return Optional.ofNullable((Boolean) value);
    }
    throw new RunRefusedException("Start variable '" + name + "' must be a Boolean, not " + Shown.type(value) + " "
        + Shown.value(value) + ": write {\"" + name + "\": {\"value\": true, \"type\": \"Boolean\"}} (or false), or"
        + " leave it out. Nothing was started.");
  }

  /**
   * A text of at most {@code maxLength} characters, stripped; empty when not given or blank.
   *
   * @param example a valid value, for the message
   */
  public Optional<String> text(String name, int maxLength, String example) {
    Object value = variables.get(name);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw new RunRefusedException("Start variable '" + name + "' must be a text, not " + Shown.type(value) + " "
          + Shown.value(value) + ": write {\"" + name + "\": {\"value\": \"" + example + "\"}}. Nothing was started.");
    }
    if (text.length() > maxLength) {
      throw new RunRefusedException("Start variable '" + name + "' holds at most " + maxLength + " characters;"
          + " it has " + text.length() + " (" + Shown.value(text) + "). Write e.g. \"" + example
          + "\". Nothing was started.");
    }
    return Optional.of(text.strip()).filter(stripped -> !stripped.isEmpty());
  }
}

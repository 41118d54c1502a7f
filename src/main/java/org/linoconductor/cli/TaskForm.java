package org.linoconductor.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The fields of a task's Camunda form, read from the server ({@code /task/{id}/deployed-form}), so
 * that {@code key=value} words become exactly the variables the form would send, each with the
 * type the form gives it: a checkbox or a yes/no radio a Boolean, a number a Long or Double, any
 * other field a String. A key the form has not, a value outside a radio's choices or a missing
 * required field is refused before anything is sent.
 */
final class TaskForm {

  /** One field a user fills in; {@code values} are a radio's or select's choices (empty: any). */
  record Field(String key, String type, List<Object> values, boolean required) {

    /** How to write it: {@code siteWorks=true|false}, {@code action=retry|rollback|abort}, {@code comment=…}. */
    String usage() {
      if ("checkbox".equals(type)) {
        return key + "=true|false";
      }
      if (!values.isEmpty()) {
        return key + "=" + values.stream().map(Object::toString).collect(Collectors.joining("|"));
      }
      return key + ("number".equals(type) ? "=NUMBER" : "=…");
    }

    Object value(String text) {
      if ("checkbox".equals(type) || !values.isEmpty() && values.stream().allMatch(Boolean.class::isInstance)) {
        Boolean flag = flag(text);
        if (flag != null && (values.isEmpty() || values.contains(flag))) {
          return flag;
        }
      } else if (!values.isEmpty()) {
        for (Object choice : values) {
          if (choice.toString().equals(text)) {
            return choice instanceof Number ? number(text) : text;
          }
        }
      } else if ("number".equals(type)) {
        Object number = number(text);
        if (number != null) {
          return number;
        }
      } else {
        return text;
      }
      throw new ClientFailure(ExitStatus.USAGE, "'" + text + "' is not a value of " + key + ": write " + usage());
    }

    private static Boolean flag(String text) {
      return switch (text.strip().toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> Boolean.TRUE;
        case "false", "no" -> Boolean.FALSE;
        default -> null;
      };
    }

    private static Object number(String text) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException notWhole) {
        try {
          return Double.parseDouble(text.strip());
        } catch (NumberFormatException notNumber) {
          return null;
        }
      }
    }
  }

  private final String name;
  private final List<Field> fields;

  private TaskForm(String name, List<Field> fields) {
    this.name = name;
    this.fields = fields;
  }

  static TaskForm of(Server server, String taskId, String taskName) {
    return of(taskName, server.engine("/task/" + Server.segment(taskId) + "/deployed-form"));
  }

  static TaskForm of(String taskName, Object form) {
    List<Field> fields = new ArrayList<>();
    collect(Json.object(form), fields);
    return new TaskForm(taskName, fields);
  }

  List<Field> fields() {
    return fields;
  }

  /** All fields as one would write them, the required ones first. */
  String usage() {
    return fields.stream().sorted((a, b) -> Boolean.compare(b.required(), a.required())).map(Field::usage)
        .collect(Collectors.joining(" "));
  }

  /** The typed variables for {@code key=value} words, in the REST API's form. */
  Map<String, Object> variables(List<String> assignments) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String assignment : assignments) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new ClientFailure(ExitStatus.USAGE, "'" + assignment + "' is not key=value: the form '" + name
            + "' takes " + usage());
      }
      String key = assignment.substring(0, equals);
      Field field = fields.stream().filter(f -> f.key().equals(key)).findFirst()
          .orElseThrow(() -> new ClientFailure(ExitStatus.USAGE, "The form '" + name + "' has no field '" + key
              + "': it takes " + usage()));
      if (variables.containsKey(key)) {
        throw new ClientFailure(ExitStatus.USAGE, key + " is given twice.");
      }
      variables.put(key, Json.typed(field.value(assignment.substring(equals + 1))));
    }
    List<String> missing = fields.stream().filter(f -> f.required() && !variables.containsKey(f.key()))
        .map(Field::usage).toList();
    if (!missing.isEmpty()) {
      throw new ClientFailure(ExitStatus.USAGE, "The form '" + name + "' needs " + String.join(" ", missing));
    }
    return variables;
  }

  /** Fields with a key, in groups too; read-only and disabled ones only show something. */
  private static void collect(Map<String, Object> component, List<Field> fields) {
    for (Object child : Json.array(component, "components")) {
      Map<String, Object> part = Json.object(child);
      String key = Json.text(part, "key");
      boolean shownOnly = Boolean.TRUE.equals(part.get("readonly")) || Boolean.TRUE.equals(part.get("disabled"));
      if (key != null && !shownOnly) {
        List<Object> values = Json.array(part, "values").stream().map(v -> Json.object(v).get("value"))
            .filter(Objects::nonNull).toList();
        boolean required = Boolean.TRUE.equals(Json.object(part, "validate").get("required"));
        fields.add(new Field(key, Json.text(part, "type"), values, required));
      }
      collect(part, fields);
    }
  }
}

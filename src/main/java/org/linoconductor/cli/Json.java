package org.linoconductor.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the maps and lists jackson-jr makes of the server's JSON, and writing Camunda's typed variables. */
final class Json {

  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object json) {
    return json instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> array(Object json) {
    return json instanceof List<?> list ? (List<Object>) list : List.of();
  }

  static Map<String, Object> object(Map<String, Object> parent, String key) {
    return object(parent.get(key));
  }

  static List<Object> array(Map<String, Object> parent, String key) {
    return array(parent.get(key));
  }

  /** The value as text, or null when absent or null. */
  static String text(Map<String, Object> object, String key) {
    Object value = object.get(key);
    return value == null ? null : value.toString();
  }

  /** One variable as Camunda's REST API takes it: {@code {"value": …, "type": "Boolean"}}. */
  static Map<String, Object> typed(Object value) {
    Map<String, Object> variable = new LinkedHashMap<>();
    variable.put("value", value);
    variable.put("type", value instanceof Boolean ? "Boolean" : value instanceof Long ? "Long"
        : value instanceof Double ? "Double" : "String");
    return variable;
  }
}

package org.linoconductor.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What no JSON body may hold, whatever API it goes to: a text longer than Camunda's text columns, a
 * name longer than its name column, or a variable ({@code {"value": …, "type": …}}) of a type
 * Conductor's processes never use (Object, Json, Xml, File, Bytes, or a made-up one): Camunda would
 * fail on them in its database or deserializer (500), or echo them back whole in its messages.
 */
final class JsonBodyCheck {

  /** Camunda's primitive value types, as its REST API names them (first letter either case). */
  static final Set<String> VARIABLE_TYPES = Set.of("string", "boolean", "integer", "long", "short", "double", "date",
      "null");

  private static final Pattern VARIABLE_MAPS = Pattern.compile("(?i).*(variables|modifications|correlationkeys)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InputProperties limits;

  JsonBodyCheck(InputProperties limits) {
    this.limits = limits;
  }

  /** The body as JSON; null when it is none (the API behind says so in its own words). */
  static JsonNode parse(byte[] body) throws IOException {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  /** Why the body is refused, saying where; empty when it is not. */
  Optional<String> problem(JsonNode tree) {
    return problem(tree, "");
  }

  /** The texts and names in the body longer than {@code length}: what an answer must not repeat whole. */
  static void longTexts(JsonNode node, int length, List<String> into) {
    if (node.isTextual() && node.textValue().length() > length) {
      into.add(node.textValue());
    }
    node.fieldNames().forEachRemaining(name -> {
      if (name.length() > length) {
        into.add(name);
      }
    });
    node.elements().forEachRemaining(inside -> longTexts(inside, length, into));
  }

  /** A variable of Camunda's REST API: {@code {"value", "type"}} under variables, modifications or correlation keys. */
  private static boolean isVariable(JsonNode node, String at) {
    String[] path = at.split("/");
    return node.isObject() && node.has("value") && node.path("type").isTextual() && path.length >= 2
        && VARIABLE_MAPS.matcher(path[path.length - 2]).matches();
  }

  private Optional<String> problem(JsonNode node, String at) {
    if (node.isTextual() && node.textValue().length() > limits.maxTextLength()) {
      return Optional.of("The text at " + Shown.value(at) + " has " + node.textValue().length() + " characters; at"
          + " most " + limits.maxTextLength() + " are accepted (Camunda keeps texts in " + limits.maxTextLength()
          + "-character columns). Shorten it; nothing was changed.");
    }
    if (isVariable(node, at)
        && !VARIABLE_TYPES.contains(node.get("type").textValue().toLowerCase(Locale.ROOT))) {
      return Optional.of("The variable at " + Shown.value(at) + " has the type " + Shown.value(node.get("type")
          .textValue()) + ": Conductor takes String, Boolean, Integer, Long, Short, Double, Date or Null values"
          + " only, e.g. {\"value\": true, \"type\": \"Boolean\"}. Nothing was changed.");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (field.getKey().length() > limits.maxNameLength()) {
        return Optional.of("A name at " + Shown.value(at + "/") + " has " + field.getKey().length() + " characters;"
            + " at most " + limits.maxNameLength() + " are accepted (Camunda keeps names in "
            + limits.maxNameLength() + "-character columns). Nothing was changed.");
      }
      Optional<String> inside = problem(field.getValue(), at + "/" + field.getKey());
      if (inside.isPresent()) {
        return inside;
      }
    }
    for (int i = 0; node.isArray() && i < node.size(); i++) {
      Optional<String> inside = problem(node.get(i), at + "/" + i);
      if (inside.isPresent()) {
        return inside;
      }
    }
    return Optional.empty();
  }
}

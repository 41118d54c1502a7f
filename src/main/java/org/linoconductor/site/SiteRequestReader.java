package org.linoconductor.site;

import static org.linoconductor.input.Shown.quoted;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a site's registration from the API's JSON (keys in camelCase) or from an entry of the sites
 * YAML (kebab-case), and refuses what it does not understand: a key that is not one of
 * {@link SiteRequest}'s ({@link RequestKeys}), a value of the wrong type, a key given twice. States
 * and database kinds are read in any case. Every refusal is an {@link InvalidSiteException} (400)
 * that names the key and says how to write it, echoing no value whole.
 */
final class SiteRequestReader {

  /** How the keys are spelled: the API's JSON in camelCase, the sites YAML in kebab-case. */
  enum Spelling {
    JSON, YAML;

    String of(String camelCase) {
      return this == JSON ? camelCase : new PropertyNamingStrategies.KebabCaseStrategy().translate(camelCase);
    }
  }

  private static final Map<String, String> HOW_TO_WRITE = Map.of(
      "testers", "a list of Camunda user ids, such as [\"tester\"]",
      "serviceCommands", "an object with stop, start and restartWeb, each a list of commands written as argv"
          + " lists, such as {\"stop\": [[\"sudo\", \"service\", \"apache2\", \"stop\"]], …}",
      "usesElastic", "true or false",
      "fourEyes", "true or false");

  private final Spelling spelling;
  private final ObjectMapper mapper;

  SiteRequestReader(Spelling spelling) {
    this.spelling = spelling;
    JsonMapper.Builder builder = JsonMapper.builder()
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // RequestKeys checks first; this is the backstop
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    if (spelling == Spelling.YAML) {
      builder.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
    }
    this.mapper = builder.build();
  }

  /** A request body as one JSON object. */
  ObjectNode object(String body) {
    JsonNode tree;
    try {
      tree = body == null || body.isBlank() ? null : mapper.readTree(body);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new InvalidSiteException(null, "The request body is not valid JSON or gives a key twice" + where
          + ": send one JSON object with Content-Type application/json, as in the example at /v3/api-docs.");
    }
    if (!(tree instanceof ObjectNode object)) {
      throw new InvalidSiteException(null, "The request body is no JSON object: send one object with the site's"
          + " keys, as in the example at /v3/api-docs.");
    }
    return object;
  }

  SiteRequest read(String body) {
    return read(object(body));
  }

  /** A YAML entry as SnakeYAML read it: a map of keys to strings, numbers, booleans, lists and maps. */
  SiteRequest read(Map<String, Object> entry) {
    return read((ObjectNode) mapper.valueToTree(entry));
  }

  SiteRequest read(ObjectNode tree) {
    RequestKeys.check(tree, spelling);
    try {
      return mapper.treeToValue(tree, SiteRequest.class);
    } catch (InvalidFormatException e) {
      if (e.getTargetType() != null && e.getTargetType().isEnum()) {
        String allowed = Arrays.stream(e.getTargetType().getEnumConstants())
            .map(constant -> constant.toString().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        throw new InvalidSiteException(path(e), "Invalid value " + quoted(String.valueOf(e.getValue())) + " for '"
            + path(e) + "': use one of " + allowed + " (in any case).");
      }
      throw wrongType(e);
    } catch (JsonProcessingException e) {
      throw wrongType(e);
    } catch (IllegalArgumentException e) {
      throw new InvalidSiteException(null, "The site cannot be read: " + quoted(e.getMessage()));
    }
  }

  /** The registration as JSON in this spelling: what a PATCH applies to. */
  ObjectNode tree(SiteRequest request) {
    return mapper.valueToTree(request);
  }

  private InvalidSiteException wrongType(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return new InvalidSiteException(null, "The site cannot be read: send the keys and types of the example at"
          + " /v3/api-docs.");
    }
    String key = mapping.getPath().get(0).getFieldName();
    String how = HOW_TO_WRITE.entrySet().stream().filter(entry -> spelling.of(entry.getKey()).equals(key))
        .map(Map.Entry::getValue).findFirst().orElse("text");
    return new InvalidSiteException(path(mapping), "The value of '" + path(mapping) + "' has the wrong type: write "
        + how + ".");
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  /** {@code current} changed by a JSON merge patch. */
  SiteRequest patched(SiteRequest current, ObjectNode patch) {
    return read((ObjectNode) merge(tree(current), patch));
  }

  /** RFC 7396 (JSON merge patch): {@code patch}'s keys replace {@code target}'s, null removes one. */
  private static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode merged = target instanceof ObjectNode object ? object.deepCopy() : ((ObjectNode) patch).objectNode();
    patch.properties().forEach(entry -> {
      if (entry.getValue().isNull()) {
        merged.remove(entry.getKey());
      } else {
        merged.set(entry.getKey(), merge(merged.get(entry.getKey()), entry.getValue()));
      }
    });
    return merged;
  }
}

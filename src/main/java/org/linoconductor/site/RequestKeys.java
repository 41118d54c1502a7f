package org.linoconductor.site;

import static org.linoconductor.input.Shown.quoted;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.linoconductor.site.SiteRequestReader.Spelling;

/**
 * The keys a site's registration may have: {@link SiteRequest}'s components, and
 * {@link ServiceCommands}' under {@code serviceCommands}. Any other key is refused, all of them at
 * once, each with the key probably meant: a misspelt key must never leave its setting at a default
 * (JSON with the YAML's {@code service-commands} was once registered with the default commands).
 */
final class RequestKeys {

  private static final List<String> SITE = names(SiteRequest.class);
  private static final List<String> COMMANDS = names(ServiceCommands.class);
  /** Shown by {@code GET /api/sites}, written by Conductor only. */
  private static final Set<String> READ_ONLY = Set.of("archivedTo", "history", "changes");
  private static final int NAMED = 5;
  private static final int FIELD = 60;
  /** Two edits at most: the distance, or -1 beyond. */
  private static final LevenshteinDistance TYPO = new LevenshteinDistance(2);

  private RequestKeys() {}

  /** @throws InvalidSiteException naming every unknown key of {@code site} (field: the first of them) */
  static void check(JsonNode site, Spelling spelling) {
    List<String> unknown = new ArrayList<>();
    List<String> known = SITE.stream().map(spelling::of).toList();
    site.fieldNames().forEachRemaining(key -> {
      if (!known.contains(key)) {
        unknown.add(key);
      }
    });
    JsonNode commands = site.get(spelling.of("serviceCommands"));
    if (commands != null && commands.isObject()) {
      List<String> knownCommands = COMMANDS.stream().map(spelling::of).toList();
      commands.fieldNames().forEachRemaining(key -> {
        if (!knownCommands.contains(key)) {
          unknown.add(spelling.of("serviceCommands") + "." + key);
        }
      });
    }
    if (!unknown.isEmpty()) {
      String first = unknown.get(0);
      throw new InvalidSiteException(first.length() <= FIELD ? first : first.substring(0, FIELD) + "…",
          message(unknown, spelling));
    }
  }

  private static String message(List<String> unknown, Spelling spelling) {
    String named = unknown.stream().limit(NAMED).map(key -> quoted(key) + hint(key, spelling))
        .collect(Collectors.joining(", "));
    String more = unknown.size() > NAMED ? " and " + (unknown.size() - NAMED) + " more" : "";
    return "Unknown key" + (unknown.size() > 1 ? "s " : " ") + named + more + ": nothing was changed. "
        + (spelling == Spelling.JSON ? "The API spells keys in camelCase (the sites YAML in kebab-case)."
            : "The sites YAML spells keys in kebab-case (the API's JSON in camelCase).")
        + " Known keys: " + SITE.stream().map(spelling::of).collect(Collectors.joining(", ")) + "; "
        + spelling.of("serviceCommands") + " has " + COMMANDS.stream().map(spelling::of)
            .collect(Collectors.joining(", ")) + ".";
  }

  private static String hint(String key, Spelling spelling) {
    int dot = key.indexOf('.');
    String own = dot < 0 ? key : key.substring(dot + 1);
    if (dot < 0 && READ_ONLY.stream().map(spelling::of).anyMatch(own::equals)) {
      return " (read-only: GET shows it, Conductor writes it)";
    }
    List<String> candidates = (dot < 0 ? SITE : COMMANDS).stream().map(spelling::of).toList();
    return meant(own, candidates).map(meant -> " (did you mean '" + meant + "'?)").orElse("");
  }

  /** The known key spelled alike (case, '-', '_' aside) or within two edits of {@code key}. */
  static Optional<String> meant(String key, List<String> known) {
    String plain = plain(key);
    return known.stream().filter(candidate -> plain(candidate).equals(plain)).findFirst()
        .or(() -> known.stream().filter(candidate -> TYPO.apply(plain(candidate), plain) >= 0).findFirst());
  }

  private static String plain(String key) {
    return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
  }

  private static List<String> names(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}

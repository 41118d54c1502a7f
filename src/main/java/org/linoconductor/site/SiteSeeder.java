package org.linoconductor.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.linoconductor.input.Shown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Registers the sites of a YAML file that are not registered yet and leaves the others alone, so
 * that seeding again (a second start) changes nothing. The format, keys in kebab case, with the
 * defaults of {@link SiteRequest}; a top-level {@code root} applies to entries without one:
 *
 * <pre>
 * root: /usr/local/lino/lino_local
 * sites:
 *   - name: anna                     # [a-z][a-z0-9_]{0,29}, not prod/preview/old/new/testing/archive
 *     directory: anna                # relative to root, or absolute under it; holds manage.py
 *     state: production              # preview | production | old | archived (default production;
 *                                    # one production site per root)
 *     database-kind: sqlite          # sqlite | postgresql | mysql (default sqlite)
 *     uses-elastic: false            # lino.modlib.elastic installed: run buildindexes
 *     contact: anna_owner            # Camunda user id who confirms an upgrade
 *     testers: [tester]              # Camunda user ids who decide upgrade attempts
 *     four-eyes: false               # true: who started a run may not be the one who signs it off
 *     url: https://anna.example.org
 *     release-notes-url: https://anna.example.org/blog
 *     service-commands:              # argv lists run in order; leave out for the defaults
 *       stop:        [[sudo, service, apache2, stop], [sudo, service, supervisor, stop]]
 *       start:       [[sudo, service, apache2, start], [sudo, service, supervisor, start]]
 *       restart-web: [[sudo, service, nginx, restart]]
 * </pre>
 *
 * <p>Start-up runs it from {@code conductor.sites.seed-file} when that is set; a set-up that must
 * first create the site directories calls {@link #seedFrom(Path)} itself afterwards.
 */
@Component
public class SiteSeeder {

  /** Who registered a seeded site, in its state history: no Camunda user id has a space. */
  public static final String SEED_FILE = "seed file";

  private static final Logger log = LoggerFactory.getLogger(SiteSeeder.class);

  /** The keys of the file itself; each entry of {@code sites} has those of {@link SiteRequest}. */
  private static final List<String> FILE_KEYS = List.of("root", "sites");

  private final SiteRegistry registry;
  private final SiteRequestReader reader = new SiteRequestReader(SiteRequestReader.Spelling.YAML);

  SiteSeeder(SiteRegistry registry) {
    this.registry = registry;
  }

  /** What one seeding did, by site name. */
  public record SeedReport(List<String> registered, List<String> alreadyRegistered) {}

  /**
   * Registers the file's new sites.
   *
   * @throws IllegalStateException naming the file and the entry when the file cannot be read or an
   *     entry is invalid or conflicts with a registered site (a second PRODUCTION site in a root);
   *     the entries before it stay registered, and seeding again after the fix registers the rest
   */
  public SeedReport seedFrom(Path yaml) {
    List<String> registered = new ArrayList<>();
    List<String> already = new ArrayList<>();
    List<Map<String, Object>> entries = read(yaml);
    for (int i = 0; i < entries.size(); i++) {
      SiteRequest request = request(yaml, i, entries.get(i));
      if (request.name() != null && registry.find(request.name()).isPresent()) {
        already.add(request.name());
        continue;
      }
      try {
        registered.add(registry.register(request, SEED_FILE, null).name());
      } catch (InvalidSiteException | SiteConflictException e) {
        throw failure(yaml, i, e.getMessage(), e);
      }
    }
    log.info("SITE-010 seeded sites from {}: registered {}, already registered {}", yaml, registered, already);
    return new SeedReport(List.copyOf(registered), List.copyOf(already));
  }

  private List<Map<String, Object>> read(Path yaml) {
    Object document;
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false); // which of two values would count is anybody's guess
    try (Reader in = Files.newBufferedReader(yaml)) {
      document = new Yaml(new SafeConstructor(options)).load(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("SITE-011 cannot read the sites YAML " + yaml + ": " + e.getMessage()
          + ". Fix the file or the property conductor.sites.seed-file.", e);
    }
    if (!(document instanceof Map<?, ?> top) || !(top.get("sites") instanceof List<?> sites)) {
      throw new IllegalStateException("SITE-011 the sites YAML " + yaml
          + " has no list 'sites': see the example sites-example.yaml (README, section Sites).");
    }
    List<String> unknown = top.keySet().stream().map(String::valueOf).filter(key -> !FILE_KEYS.contains(key))
        .toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("SITE-011 the sites YAML " + yaml + " has the unknown top-level key(s) "
          + unknown.stream().map(Shown::quoted).collect(Collectors.joining(", ")) + ": it has only 'root' (the"
          + " default root of its sites) and 'sites'. Each site's keys belong into its entry under 'sites'.");
    }
    Object root = top.get("root");
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Object entry : sites) {
      if (!(entry instanceof Map<?, ?> map)) {
        throw failure(yaml, entries.size(), "each entry of 'sites' must be a mapping (name: …)", null);
      }
      Map<String, Object> site = new HashMap<>();
      map.forEach((key, value) -> site.put(String.valueOf(key), value));
      if (root != null) {
        site.putIfAbsent("root", root);
      }
      entries.add(site);
    }
    return entries;
  }

  private SiteRequest request(Path yaml, int index, Map<String, Object> entry) {
    try {
      return reader.read(entry);
    } catch (InvalidSiteException e) {
      throw failure(yaml, index, e.getMessage(), e);
    }
  }

  private static IllegalStateException failure(Path yaml, int index, String message, Exception cause) {
    return new IllegalStateException("SITE-012 sites YAML " + yaml + ", entry " + (index + 1) + ": "
        + message, cause);
  }
}

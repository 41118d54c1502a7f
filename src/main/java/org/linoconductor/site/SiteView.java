package org.linoconductor.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A site as the API shows it, with its life cycle and the corrections of its registration, both
 * from the registration on. Paths as plain strings (Jackson would write Path as a file: URI);
 * {@code fourEyes} says whether the four-eyes rule holds for its sign-offs; {@code waiting}, for a site
 * on a host without a connected agent, that its runs wait for it ("waiting for the agent on host h1, …").
 */
record SiteView(
    String name,
    String root,
    String directory,
    SiteState state,
    String archivedTo,
    DatabaseKind databaseKind,
    boolean usesElastic,
    String contact,
    List<String> testers,
    String url,
    String releaseNotesUrl,
    ServiceCommands serviceCommands,
    boolean fourEyes,
    String host,
    String waiting,
    List<StateChange> history,
    List<Correction> corrections) {

  /** One entry of {@code history}; {@code from} is null on the registration. */
  record StateChange(SiteState from, SiteState to, String changedBy, Instant changedAt, String run) {}

  /**
   * One correction of the registration (PUT or PATCH): who, when, and per key that changed
   * {@code {"from": …, "to": …}}.
   */
  record Correction(String changedBy, Instant changedAt, JsonNode changes) {}

  static SiteView of(Site site, List<SiteStateChange> history, List<SiteCorrection> corrections, String waiting) {
    return new SiteView(site.name(), site.root().toString(), site.directory().toString(), site.state(),
        text(site.archivedTo()), site.databaseKind(), site.usesElastic(), site.contact(), site.testers(),
        site.url(), site.releaseNotesUrl(), site.serviceCommands(), site.fourEyes(), site.host(), waiting,
        history.stream().map(c -> new StateChange(c.from(), c.to(), c.changedBy(), c.changedAt(), c.run())).toList(),
        corrections.stream().map(c -> new Correction(c.changedBy(), c.changedAt(), c.changes())).toList());
  }

  private static String text(Path path) {
    return path == null ? null : path.toString();
  }
}

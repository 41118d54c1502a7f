package org.linoconductor.site;

import java.util.List;

/**
 * What a caller sends to register a site (JSON at {@code POST /api/sites}, one entry of the sites
 * YAML). Only {@code name}, {@code root}, {@code directory} and {@code contact} are required; the
 * others have the defaults of {@link #withDefaults()}. {@code directory} may be relative to
 * {@code root}.
 */
public record SiteRequest(
    String name,
    String root,
    String directory,
    SiteState state,
    DatabaseKind databaseKind,
    Boolean usesElastic,
    String contact,
    List<String> testers,
    String url,
    String releaseNotesUrl,
    ServiceCommands serviceCommands,
    Boolean fourEyes) {

  /**
   * Fills what was left out: state PRODUCTION (a site registered by hand is usually the running
   * one; preview-setup registers its own), SQLite (Lino's default), no elastic, no testers,
   * {@link ServiceCommands#DEFAULTS} and no four-eyes rule.
   */
  SiteRequest withDefaults() {
    return new SiteRequest(name, root, directory,
        state == null ? SiteState.PRODUCTION : state,
        databaseKind == null ? DatabaseKind.SQLITE : databaseKind,
        usesElastic != null && usesElastic,
        contact,
        testers == null ? List.of() : testers,
        url, releaseNotesUrl,
        serviceCommands == null ? ServiceCommands.DEFAULTS : serviceCommands,
        fourEyes != null && fourEyes);
  }
}

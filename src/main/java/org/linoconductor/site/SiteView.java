package org.linoconductor.site;

import java.util.List;

/**
 * A site as the API shows it: paths as plain strings (Jackson would write Path as a file: URI);
 * {@code fourEyes} says whether the four-eyes rule holds for its sign-offs.
 */
record SiteView(
    String name,
    String root,
    String directory,
    SiteState state,
    DatabaseKind databaseKind,
    boolean usesElastic,
    String contact,
    List<String> testers,
    String url,
    String releaseNotesUrl,
    ServiceCommands serviceCommands,
    boolean fourEyes) {

  static SiteView of(Site site) {
    return new SiteView(site.name(), site.root().toString(), site.directory().toString(),
        site.state(), site.databaseKind(), site.usesElastic(), site.contact(), site.testers(),
        site.url(), site.releaseNotesUrl(), site.serviceCommands(), site.fourEyes());
  }
}

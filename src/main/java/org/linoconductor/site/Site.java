package org.linoconductor.site;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A registered Lino site.
 *
 * @param name neutral, never changes (its virtualenv cannot be renamed)
 * @param root the directory that holds the sites and the {@code prod} and {@code preview} links
 * @param directory the site's project directory, absolute and under {@code root}
 * @param contact Camunda user id of the person who signs in and confirms after an upgrade
 * @param testers Camunda user ids of the people who decide upgrade attempts
 * @param url the public address, checked after an upgrade; may be null
 * @param releaseNotesUrl announced with an upgrade attempt; may be null
 * @param fourEyes the four-eyes rule: who started a run may not be the one who signs it off
 * @param archivedTo where archive-site moved the directory of an ARCHIVED site; otherwise null
 * @param host the Lino host whose step agent runs the site's steps; null: the server's own worker runs them
 */
public record Site(
    String name,
    Path root,
    Path directory,
    SiteState state,
    ServiceCommands serviceCommands,
    DatabaseKind databaseKind,
    boolean usesElastic,
    String contact,
    List<String> testers,
    String url,
    String releaseNotesUrl,
    boolean fourEyes,
    Path archivedTo,
    String host) {

  public Site {
    testers = List.copyOf(testers);
  }

  /** A site whose steps the server's own worker runs (no host). */
  public Site(String name, Path root, Path directory, SiteState state, ServiceCommands serviceCommands,
      DatabaseKind databaseKind, boolean usesElastic, String contact, List<String> testers, String url,
      String releaseNotesUrl, boolean fourEyes, Path archivedTo) {
    this(name, root, directory, state, serviceCommands, databaseKind, usesElastic, contact, testers, url,
        releaseNotesUrl, fourEyes, archivedTo, null);
  }

  /** Who tests the site and signs it off: its contact (when set) and its testers, each once. */
  public List<String> people() {
    List<String> people = new ArrayList<>();
    if (contact != null && !contact.isBlank()) {
      people.add(contact);
    }
    testers.stream().filter(tester -> !people.contains(tester)).forEach(people::add);
    return List.copyOf(people);
  }

  Site withState(SiteState newState) {
    return new Site(name, root, directory, newState, serviceCommands, databaseKind, usesElastic,
        contact, testers, url, releaseNotesUrl, fourEyes, archivedTo, host);
  }
}

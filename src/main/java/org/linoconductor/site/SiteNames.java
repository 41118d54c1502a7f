package org.linoconductor.site;

import java.util.Set;
import java.util.regex.Pattern;
import org.linoconductor.input.Shown;

/**
 * The rule for site names, shared by the registry and by processes that are given the name of a
 * site still to be made (preview-setup's {@code newSite}): neutral, because a site keeps its name
 * for life.
 */
public final class SiteNames {

  /** Also safe as a database or file name: no quoting is ever needed. */
  public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  /**
   * The names of the links and roles that move from site to site during upgrades. A site keeps its
   * name for life because its virtualenv cannot be renamed, so such a name would soon be a lie.
   */
  public static final Set<String> RESERVED = Set.of("prod", "preview", "old", "new", "testing");

  /** The directory of a root that archive-site moves old sites into (unless configured elsewhere). */
  public static final String ARCHIVE = "archive";

  private SiteNames() {}

  /** @throws InvalidSiteException (field {@code name}) saying what is wrong and what to choose */
  public static void check(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidSiteException("name", "The site's name is missing. Give the site a neutral name such as"
          + " 'anna' or 'mdg3'.");
    }
    if (!NAME.matcher(name).matches()) {
      throw new InvalidSiteException("name", "Site name " + Shown.quoted(name) + " is invalid: use 1 to 30"
          + " characters, a lowercase letter first, then lowercase letters, digits or '_'"
          + " (for example 'anna' or 'mdg3').");
    }
    if (ARCHIVE.equals(name)) {
      throw new InvalidSiteException("name", "Site name 'archive' is reserved: archive-site moves old sites"
          + " into <root>/archive. Choose a neutral name such as 'anna'.");
    }
    if (RESERVED.contains(name)) {
      throw new InvalidSiteException("name", "Site name '" + name + "' is reserved: prod, preview,"
          + " old, new and testing name roles that move from site to site, while a site keeps its"
          + " name for life (its virtualenv cannot be renamed). Choose a neutral name such as 'anna'.");
    }
  }
}

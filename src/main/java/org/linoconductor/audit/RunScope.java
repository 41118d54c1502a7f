package org.linoconductor.audit;

import java.util.Set;

/**
 * The runs one user may see: all of them (operators) or those of some sites.
 *
 * @param sites the visible sites when not {@code all}
 */
record RunScope(boolean all, Set<String> sites) {

  static final RunScope ALL = new RunScope(true, Set.of());

  static RunScope ofSites(Set<String> sites) {
    return new RunScope(false, Set.copyOf(sites));
  }

  boolean includes(String site) {
    return all || sites.contains(site);
  }
}

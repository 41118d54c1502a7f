package org.linoconductor.upgrade;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The code of a site at one moment, in either layout: the revision of each repository in
 * {@code env/repositories} (what {@code pull.sh} pulls) and the packages installed into the env
 * (what {@code pip install -U} upgrades).
 *
 * @param revisions repository directory name to commit id, sorted by name
 * @param packages {@code name==version} per installed package, as {@code pip freeze} prints them, by name
 */
public record CodeState(Map<String, String> revisions, List<String> packages) {

  /** Process variables are kept in a 4000-character column; leave room for a note that lines were left out. */
  static final int MAX_SUMMARY_CHARS = 3800;

  public CodeState {
    revisions = Map.copyOf(revisions);
    packages = List.copyOf(packages);
  }

  public Map<String, String> sortedRevisions() {
    return new TreeMap<>(revisions);
  }

  /**
   * One line "name revision" per repository, or (a site without repositories) one "name==version"
   * per package, short enough for a process variable.
   */
  public String summary() {
    String all = revisions.isEmpty() ? String.join("\n", packages) : sortedRevisions().entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n"));
    if (all.length() <= MAX_SUMMARY_CHARS) {
      return all;
    }
    String cut = all.substring(0, Math.max(0, all.lastIndexOf('\n', MAX_SUMMARY_CHARS)));
    return cut + "\n(more repositories: see the table code_state)";
  }

  /** The package a line is about: {@code name==1.0}, {@code name @ url}, {@code -e ...#egg=name}. */
  static String packageName(String freezeLine) {
    int egg = freezeLine.lastIndexOf("#egg=");
    if (egg >= 0) {
      return freezeLine.substring(egg + "#egg=".length());
    }
    String name = freezeLine.split("==| @ ", 2)[0].trim();
    return name.isEmpty() ? freezeLine : name;
  }
}

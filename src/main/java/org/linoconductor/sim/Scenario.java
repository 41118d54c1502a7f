package org.linoconductor.sim;

/**
 * The ways a real Lino site fails (LINO.md, "What can go wrong"), each switched on by a file
 * {@code .sim/<fileName>} whose content is the parameter. Site scenarios live in the site
 * directory, so a human can toggle them too; {@link #SERVICE_FAILURE} lives in the installation.
 */
public enum Scenario {
  /** Restore abandons the N (parameter) partners with the highest keys, exit 0; N ≤ 50. */
  ABANDON("abandon", false),
  /** The manage.py command named by the parameter (or {@code pip}) dies with a traceback, exit 1. */
  TRACEBACK("traceback", false),
  /**
   * Parameter {@code COMMAND [SECONDS]}: that command trickles a line a second and spawns a child
   * that keeps running, forever or for SECONDS (then it goes on normally). The child's PID is
   * written to {@code .sim/hang.child-pid}.
   */
  HANG("hang", false),
  /** The restore prints the parameter's number of megabytes of {@code Deferred ...} lines. */
  FLOOD("flood", false),
  /** make_snapshot.sh leaves the previous snapshot.zip where it is and writes no new one. */
  STALE_SNAPSHOT("stale-snapshot", false),
  /** make_snapshot.sh writes an empty snapshot.zip. */
  EMPTY_SNAPSHOT("empty-snapshot", false),
  /** The site's {@code env/bin/df} reports the parameter in KiB (default 1024) as available. */
  DISK_FULL("disk-full", false),
  /** The site's {@code env/bin/rsync} fails to set directory times unless told to omit them. */
  RSYNC_DIR_TIMES("rsync-dir-times", false),
  /**
   * The partner whose id is the parameter points at a place that does not exist (written into the
   * database at the next manage.py command): every restore of a dump, whatever the versions,
   * abandons it and what depends on it, and exits 0.
   */
  DANGLING("dangling", false),
  /** bin/fake-service fails for calls whose arguments contain the parameter (all when empty). */
  SERVICE_FAILURE("service-failure", true),
  /** The host has no rsync: the sites' {@code env/bin/rsync} answers as bash does, exit 127. */
  NO_RSYNC("no-rsync", true);

  private final String fileName;
  private final boolean installationWide;

  Scenario(String fileName, boolean installationWide) {
    this.fileName = fileName;
    this.installationWide = installationWide;
  }

  /** The name of the switch file in a {@code .sim} directory. */
  public String fileName() {
    return fileName;
  }

  /** True for the scenario of the whole installation rather than of one site. */
  public boolean installationWide() {
    return installationWide;
  }
}

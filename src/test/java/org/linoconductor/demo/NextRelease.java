package org.linoconductor.demo;

import java.nio.file.Path;
import org.linoconductor.sim.SimulatedLino;

/**
 * Publishes the demo's next release upstream, as {@link DemoReleases} does after an upgrade through
 * Conductor: bench/upgrade-vs-hand.sh runs it after each upgrade by hand, so that both kinds of
 * upgrade find the same work to do. Usage: {@code NextRelease DEMO_BASE} (e.g. data/demo).
 */
public final class NextRelease {

  private NextRelease() {}

  public static void main(String[] args) {
    SimulatedLino lino = SimulatedLino.open(Path.of(args[0]));
    String next = DemoReleases.nextVersion(lino.upstreamVersion());
    lino.publishRelease(next, true);
    System.out.println("Release " + next + " published upstream");
  }
}

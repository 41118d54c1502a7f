package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated installation per test class, with the site {@code anna} linked as prod. A test
 * that changes data or switches takes a {@link #freshSite()}; a test that publishes releases
 * creates its own installation under {@link #temp()}: so tests never depend on each other's order.
 */
final class Fixture {

  private final Path temp;
  private final SimulatedLino lino;
  private final SimulatedSite anna;
  private final AtomicInteger sites = new AtomicInteger();

  Fixture(Path temp) {
    this.temp = temp;
    this.lino = SimulatedLino.create(temp.resolve("B"));
    this.anna = lino.createSite("anna");
    lino.linkProd("anna");
  }

  Path temp() {
    return temp;
  }

  SimulatedLino lino() {
    return lino;
  }

  /** Used read-only (dumps into scratch directories are fine). */
  SimulatedSite anna() {
    return anna;
  }

  SimulatedSite freshSite() {
    return lino.createSite("site" + sites.incrementAndGet());
  }

  /** A directory with a stand-in for the real rsync, which is not installed here yet. */
  Path realRsync() {
    Path dir = temp.resolve("real-rsync");
    Templates.write(dir.resolve("rsync"), "#!/bin/bash\n"
        + "# stands for the real rsync: copies the last-but-one argument to the last\n"
        + "cp -a \"${@: -2:1}\" \"${!#}\"\n", true);
    return dir;
  }

  /**
   * A program of the site's env/bin. ProcessBuilder looks argv[0] up in the JVM's PATH, not in
   * the child's, so activation alone does not make these the ones that run.
   */
  static String tool(SimulatedSite site, String name) {
    return site.dir().resolve("env/bin").resolve(name).toString();
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

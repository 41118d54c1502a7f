package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code .sim} directory of a site or an installation, where scenario files live. */
final class Switches {

  private final Path simDir;
  private final boolean installationWide;

  Switches(Path owner, boolean installationWide) {
    this.simDir = owner.resolve(".sim");
    this.installationWide = installationWide;
  }

  void enable(Scenario scenario, String parameter) {
    check(scenario);
    try {
      Files.createDirectories(simDir);
      Files.writeString(simDir.resolve(scenario.fileName()), parameter);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void disable(Scenario scenario) {
    check(scenario);
    try {
      Files.deleteIfExists(simDir.resolve(scenario.fileName()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void check(Scenario scenario) {
    if (scenario.installationWide() != installationWide) {
      throw new IllegalArgumentException(scenario + (installationWide
          ? " is a scenario of a site: enable it on the SimulatedSite"
          : " is a scenario of the installation: enable it on the SimulatedLino"));
    }
  }
}

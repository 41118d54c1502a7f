package org.linoconductor.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/** Builds commands for a temporary site directory. */
final class TestCommands {

  private TestCommands() {}

  static ShellCommand.Builder bash(Path site, String script) {
    return command(site, "bash", "-c", script);
  }

  static ShellCommand.Builder command(Path site, String... argv) {
    return ShellCommand.builder("anna", "test-step")
        .argv(argv)
        .workingDirectory(site)
        .timeout(Duration.ofSeconds(20))
        .logFile(site.resolve("log").resolve("test-step.log"));
  }

  /** Writes an executable script (with its #! line) and returns its path. */
  static Path script(Path file, String body) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}

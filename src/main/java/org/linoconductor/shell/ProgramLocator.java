package org.linoconductor.shell;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Finds the program of argv[0] before anything starts. Needed because Java looks a bare name up in
 * the conductor's own PATH, not in the one given to the child, so {@code python} would miss the
 * site's virtualenv; and a relative path like {@code ./pull.sh} must mean the site directory.
 */
final class ProgramLocator {

  private ProgramLocator() {}

  /**
   * @return the absolute path of the executable
   * @throws ShellSetupException when it does not exist or is not executable
   */
  static Path locate(ShellCommand command, Map<String, String> environment) {
    String program = command.argv().get(0);
    if (program.contains("/")) {
      Path path = command.workingDirectory().resolve(program).toAbsolutePath().normalize();
      if (!Files.isRegularFile(path)) {
        throw ShellSetupException.of(command, "program " + path + " does not exist.",
            "Check the site directory (is the script there, e.g. created by getlino?) or fix the step's command.");
      }
      if (!Files.isExecutable(path)) {
        throw ShellSetupException.of(command, "program " + path + " is not executable.",
            "Run 'chmod +x " + path + "' if it should be, or check its owner and permissions.");
      }
      return path;
    }
    String searchPath = environment.getOrDefault("PATH", "");
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw ShellSetupException.of(command,
        "program '" + program + "' not found (or not executable) in PATH " + searchPath + ".",
        command.virtualenv() == null
            ? "Install it on this host or give its absolute path."
            : "Check that the site's virtualenv " + command.virtualenv() + " is complete (bin/"
                + program + "), install the program, or give its absolute path.");
  }
}

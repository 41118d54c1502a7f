package org.linoconductor.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a command runs in: the conductor's own, changed the way the operator's {@code a}
 * alias ({@code . env/bin/activate}) changes it, plus the command's extra variables.
 */
final class ProcessEnvironment {

  private ProcessEnvironment() {}

  /** The complete environment for the process. */
  static Map<String, String> of(ShellCommand command, Map<String, String> inherited) {
    Map<String, String> env = new HashMap<>(inherited);
    if (command.virtualenv() != null) {
      env.remove("PYTHONHOME");
    }
    env.putAll(changes(command, inherited));
    return env;
  }

  /** Only what differs from the inherited environment (for headers and dry runs); PYTHONHOME is also removed. */
  static Map<String, String> changes(ShellCommand command, Map<String, String> inherited) {
    Map<String, String> changes = new LinkedHashMap<>();
    if (command.virtualenv() != null) {
      Path venv = command.virtualenv().toAbsolutePath();
      changes.put("VIRTUAL_ENV", venv.toString());
      String path = inherited.get("PATH");
      String bin = venv.resolve("bin").toString();
      changes.put("PATH", path == null || path.isEmpty() ? bin : bin + File.pathSeparator + path);
    }
    // Python block-buffers a pipe: unbuffered, its stdout and stderr (tracebacks) stay in order and
    // the log shows progress while a long restore runs.
    changes.put("PYTHONUNBUFFERED", "1");
    changes.putAll(command.environment());
    return changes;
  }
}

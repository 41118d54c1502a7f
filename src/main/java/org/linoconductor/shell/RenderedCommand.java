package org.linoconductor.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command as a dry run records it, secrets redacted: the readable {@code line}, the exact
 * {@code argv}, and the variables the real run would set ({@code PYTHONHOME} would also be removed
 * when a virtualenv is given).
 */
public record RenderedCommand(String site, String step, String line, List<String> argv,
    Path workingDirectory, Map<String, String> environment, Duration timeout, Path logFile) {

  public RenderedCommand {
    argv = List.copyOf(argv);
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }
}

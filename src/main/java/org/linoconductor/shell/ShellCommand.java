package org.linoconductor.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One command of one step on one site. argv only, never a shell string: each element reaches the
 * program as one argument, exactly as given.
 *
 * <p>{@code virtualenv} is the site's {@code env/} directory or {@code null}; {@code environment} holds
 * extra variables. Values of extra variables whose name says they are secret (PASSWORD, PASSWD,
 * SECRET, TOKEN, API_KEY) are redacted like the configured secrets.
 */
public record ShellCommand(String site, String step, List<String> argv, Path workingDirectory,
    Path virtualenv, Map<String, String> environment, Duration timeout, Path logFile,
    List<LineMatcher> matchers) {

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY).*");

  public ShellCommand {
    requireText(site, "site");
    requireText(step, "step");
    Objects.requireNonNull(argv, "argv");
    argv = List.copyOf(argv); // also rejects null elements
    if (argv.isEmpty() || argv.get(0).isBlank()) {
      throw new IllegalArgumentException("argv needs a program (site " + site + ", step " + step + ")");
    }
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    environment = environment == null ? Map.of() : Map.copyOf(environment);
    environment.keySet().forEach(name -> {
      if (name.isBlank() || name.contains("=")) {
        throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
      }
    });
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
    Objects.requireNonNull(logFile, "logFile");
    matchers = matchers == null ? List.of() : List.copyOf(matchers);
    Set<String> facts = new HashSet<>();
    matchers.forEach(m -> {
      if (!facts.add(m.fact())) {
        throw new IllegalArgumentException("two line matchers for fact '" + m.fact() + "'");
      }
    });
  }

  public static Builder builder(String site, String step) {
    return new Builder(site, step);
  }

  /** One readable line, argv quoted like a POSIX shell would need it (for records and pages, not for execution). */
  public String render() {
    return ShellQuoting.join(argv);
  }

  /** Without the values of secret-named variables: commands end up in log messages. */
  @Override
  public String toString() {
    Map<String, String> shownEnvironment = new TreeMap<>();
    environment.forEach((name, value) ->
        shownEnvironment.put(name, SECRET_NAME.matcher(name).matches() ? Redactor.MASK : value));
    return "ShellCommand[site=" + site + ", step=" + step + ", argv=" + render() + ", workingDirectory="
        + workingDirectory + ", virtualenv=" + virtualenv + ", environment=" + shownEnvironment
        + ", timeout=" + timeout + ", logFile=" + logFile + ", matchers=" + matchers + "]";
  }

  /** Values of extra variables named like secrets: redacted wherever this command's output goes. */
  List<String> secretValues() {
    return environment.entrySet().stream()
        .filter(e -> SECRET_NAME.matcher(e.getKey()).matches())
        .map(Map.Entry::getValue)
        .toList();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Builds a {@link ShellCommand}; the record's constructor validates. */
  public static final class Builder {
    private final String site;
    private final String step;
    private final List<String> argv = new ArrayList<>();
    private Path workingDirectory;
    private Path virtualenv;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Duration timeout;
    private Path logFile;
    private final List<LineMatcher> matchers = new ArrayList<>();

    private Builder(String site, String step) {
      this.site = site;
      this.step = step;
    }

    public Builder argv(String... args) {
      return argv(List.of(args));
    }

    public Builder argv(List<String> args) {
      argv.addAll(args);
      return this;
    }

    public Builder workingDirectory(Path dir) {
      workingDirectory = dir;
      return this;
    }

    public Builder virtualenv(Path envDir) {
      virtualenv = envDir;
      return this;
    }

    public Builder environment(String name, String value) {
      environment.put(name, value);
      return this;
    }

    public Builder timeout(Duration limit) {
      timeout = limit;
      return this;
    }

    public Builder logFile(Path file) {
      logFile = file;
      return this;
    }

    public Builder matcher(LineMatcher matcher) {
      matchers.add(matcher);
      return this;
    }

    public ShellCommand build() {
      return new ShellCommand(site, step, argv, workingDirectory, virtualenv, environment, timeout,
          logFile, matchers);
    }
  }
}

package org.linoconductor.shell;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one command did. {@code tail} holds the last lines of the merged output (bounded, redacted);
 * the full output is in {@code logFile}. {@code facts} maps each matcher's fact name to the lines it
 * kept (bounded, redacted; an empty list when nothing matched).
 */
public record ShellResult(ShellCommand command, int exitStatus, boolean timedOut, Instant started,
    Instant finished, String tail, Path logFile, Map<String, List<String>> facts) {

  public ShellResult {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    tail = tail == null ? "" : tail;
    facts = facts == null ? Map.of() : unmodifiableCopy(facts);
  }

  /** Exit status 0 and not timed out. Lino commands may exit 0 after a failure: check the facts too. */
  public boolean succeeded() {
    return exitStatus == 0 && !timedOut;
  }

  public Duration duration() {
    return Duration.between(started, finished);
  }

  /** The lines kept for one fact; empty when the fact did not match (or is unknown). */
  public List<String> fact(String name) {
    return facts.getOrDefault(name, List.of());
  }

  /** Short, for log messages: the tail and facts are long and the command is named by site and step. */
  @Override
  public String toString() {
    return "ShellResult[site=" + command.site() + ", step=" + command.step() + ", exitStatus=" + exitStatus
        + ", timedOut=" + timedOut + ", duration=" + duration() + ", logFile=" + logFile + "]";
  }

  private static Map<String, List<String>> unmodifiableCopy(Map<String, List<String>> facts) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    facts.forEach((name, lines) -> copy.put(name, List.copyOf(lines)));
    return Collections.unmodifiableMap(copy);
  }
}

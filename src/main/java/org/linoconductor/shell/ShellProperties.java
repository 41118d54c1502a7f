package org.linoconductor.shell;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the shell runner ({@code conductor.shell.*}).
 *
 * @param tailLines how many of the last output lines a result keeps in memory
 * @param maxLineLength bytes of one line kept in memory and matched; longer lines are cut there (the
 *     log file keeps them whole)
 * @param secrets strings replaced by {@code ****} in log files, tails, facts and rendered commands;
 *     blank entries (an unset placeholder) are ignored
 * @param maxFactLines lines kept per line matcher (the first ones)
 * @param killGrace how long a process tree gets between TERM and KILL
 * @param outputDrainTimeout how long to wait, after the command exited, for output still held open
 *     by a process it left behind in the background
 */
@Validated
@ConfigurationProperties("conductor.shell")
public record ShellProperties(
    @DefaultValue("200") @Min(1) @Max(100_000) int tailLines,
    @DefaultValue("4096") @Min(80) @Max(1_048_576) int maxLineLength,
    @DefaultValue List<String> secrets,
    @DefaultValue("100") @Min(1) @Max(100_000) int maxFactLines,
    @DefaultValue("5s") @NotNull Duration killGrace,
    @DefaultValue("2s") @NotNull Duration outputDrainTimeout) {

  public ShellProperties {
    // Checked here too: tests and the dry run build these without Spring's validation.
    if (tailLines < 1 || maxLineLength < 80 || maxFactLines < 1) {
      throw new IllegalArgumentException("conductor.shell: tail-lines and max-fact-lines must be >= 1,"
          + " max-line-length >= 80 (were " + tailLines + ", " + maxFactLines + ", " + maxLineLength + ")");
    }
    secrets = secrets == null ? List.of()
        : secrets.stream().filter(s -> s != null && !s.isBlank()).toList();
    killGrace = requireNonNegative(killGrace, "kill-grace");
    outputDrainTimeout = requireNonNegative(outputDrainTimeout, "output-drain-timeout");
  }

  /** The defaults, as Spring would bind them from an empty configuration. */
  public static ShellProperties defaults() {
    return new ShellProperties(200, 4096, List.of(), 100, Duration.ofSeconds(5), Duration.ofSeconds(2));
  }

  public ShellProperties withSecrets(List<String> newSecrets) {
    return new ShellProperties(tailLines, maxLineLength, newSecrets, maxFactLines, killGrace,
        outputDrainTimeout);
  }

  @Override
  public String toString() {
    return "ShellProperties[tailLines=" + tailLines + ", maxLineLength=" + maxLineLength
        + ", secrets=" + secrets.size() + " redacted, maxFactLines=" + maxFactLines
        + ", killGrace=" + killGrace + ", outputDrainTimeout=" + outputDrainTimeout + "]";
  }

  private static Duration requireNonNegative(Duration value, String name) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException("conductor.shell." + name + " must be a non-negative duration");
    }
    return value;
  }
}

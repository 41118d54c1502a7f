package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.linoconductor.step.StepContext;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code /var/log/lino/upgrades.log}, where initdb_from_prod.sh notes each sync: written
 * with Java's file API, not by a shell, so no log line ever becomes a command.
 */
@Component
class UpgradesLog {

  /** What {@code date} prints in the C locale, e.g. {@code Thu Nov  6 02:00:00 UTC 2026}. */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss zzz yyyy",
      Locale.ENGLISH);

  private final Path file;

  UpgradesLog(PreviewProperties properties) {
    // Absolute: rsync gets it as --log-file and runs in a site directory.
    this.file = properties.upgradesLog().toAbsolutePath();
  }

  Path file() {
    return file;
  }

  /**
   * Notes a sync of the context's preview from {@code production}: {@code event} is "was started" or
   * "finished", as in initdb_from_prod.sh. Nothing is written in a dry run.
   */
  String noteSync(StepContext context, String production, String event) {
    String what = "preview-sync of " + context.site().name() + " from " + production + " (run "
        + context.runId() + ") " + event;
    if (context.dryRun()) {
      return "dry run: \"" + what + " <date>\" not appended to " + file;
    }
    append(what);
    return "\"" + what + " <date>\" appended to " + file;
  }

  /** Appends {@code what + " " + date}, as the seed's {@code echo ... `date` >> $LOGFILE} does. */
  private void append(String what) {
    String line = what + " " + DATE.format(ZonedDateTime.now()) + System.lineSeparator();
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to the upgrades log " + file + ": " + e.getMessage(), e);
    }
  }
}

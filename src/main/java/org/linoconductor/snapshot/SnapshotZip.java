package org.linoconductor.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The seed's "make sure that the snapshot is correctly done": {@code snapshot.zip} exists, was
 * written by this run, is not empty, and is a readable zip that holds {@code snapshot/restore.py}.
 */
final class SnapshotZip {

  static final String FILE = "snapshot.zip";
  static final String RESTORE_SCRIPT = "snapshot/restore.py";

  private SnapshotZip() {}

  /** Returns what is wrong with the snapshot, or empty when it is good. */
  static Optional<String> problemWith(Path zip, Instant runStarted) {
    if (!Files.isRegularFile(zip)) {
      return Optional.of(zip + " does not exist: make_snapshot.sh did not write it.");
    }
    try {
      // File systems keep whole seconds at worst: compare at that precision.
      Instant written = Files.getLastModifiedTime(zip).toInstant().truncatedTo(ChronoUnit.SECONDS);
      if (written.isBefore(runStarted.truncatedTo(ChronoUnit.SECONDS))) {
        return Optional.of(zip + " is an old snapshot (written " + written + ", before this run started at "
            + runStarted + "): make_snapshot.sh did not replace it.");
      }
      if (Files.size(zip) == 0) {
        return Optional.of(zip + " is empty.");
      }
      try (ZipFile file = new ZipFile(zip.toFile())) {
        if (file.getEntry(RESTORE_SCRIPT) == null) {
          return Optional.of(zip + " holds no " + RESTORE_SCRIPT + ": it cannot be restored.");
        }
      }
    } catch (ZipException e) {
      return Optional.of(zip + " is not a readable zip file (" + e.getMessage() + ").");
    } catch (IOException e) {
      return Optional.of(zip + " cannot be read: " + e.getMessage());
    }
    return Optional.empty();
  }

  static FileTime lastModified(Path zip) throws IOException {
    return Files.getLastModifiedTime(zip);
  }
}

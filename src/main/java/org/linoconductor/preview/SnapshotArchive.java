package org.linoconductor.preview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a site's make_snapshot.sh archives older snapshots: its {@code ARCH_DIR=} line (getlino's
 * template). The script refuses to run when that directory does not exist, and getlino makes one
 * per site, so a new preview needs its own.
 */
final class SnapshotArchive {

  private static final Pattern ARCH_DIR = Pattern.compile("(?m)^ARCH_DIR=\"?([^\"\\s]+)\"?\\s*$");

  private SnapshotArchive() {}

  static Optional<Path> of(Path siteDir) {
    Path script = siteDir.resolve("make_snapshot.sh");
    if (!Files.isRegularFile(script)) {
      return Optional.empty();
    }
    try {
      Matcher line = ARCH_DIR.matcher(Files.readString(script));
      return line.find() ? Optional.of(Path.of(line.group(1))) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

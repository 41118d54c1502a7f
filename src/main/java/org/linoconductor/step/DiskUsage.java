package org.linoconductor.step;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Free and used disk space as the steps that need room (a snapshot, a copy of a site) read it.
 * Free space comes from {@code df -Pk} run through the site's shell, not from Java's FileStore:
 * df is what the operator would run, and what the simulation's disk-full scenario answers.
 */
public final class DiskUsage {

  private DiskUsage() {}

  /** The argv that {@link #availableKib} reads: POSIX output, 1 KiB blocks. */
  public static List<String> dfArgv(Path path) {
    return List.of("df", "-Pk", path.toString());
  }

  /** The "Available" column of the last line of {@code df -P}: the header is the first line. */
  public static OptionalLong availableKib(String dfOutput) {
    List<String> lines = dfOutput.lines().filter(line -> !line.isBlank()).toList();
    if (lines.size() < 2) {
      return OptionalLong.empty();
    }
    String[] columns = lines.get(lines.size() - 1).trim().split("\\s+");
    try {
      return columns.length < 6 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(columns[3]));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Bytes of the regular files under {@code path}; symbolic links are not followed (a site's log). */
  public static long sizeBytes(Path path) {
    if (!Files.exists(path)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(file -> Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS))
          .mapToLong(file -> {
            try {
              return Files.size(file);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static long toKib(long bytes) {
    return (bytes + 1023) / 1024;
  }
}

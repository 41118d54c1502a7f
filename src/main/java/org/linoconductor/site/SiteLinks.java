package org.linoconductor.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The links {@code prod} and {@code preview} in the root that the web server's vhosts follow.
 * A switch never leaves the vhost without a link: a new link beside the old one, then renamed
 * over it (rename is atomic on one file system).
 */
public final class SiteLinks {

  public static final String PROD = "prod";
  public static final String PREVIEW = "preview";

  private SiteLinks() {}

  /** Points {@code root/link} at the directory {@code target} (relative: a sibling in the root). */
  public static void point(Path root, String link, String target) {
    Path fresh = root.resolve("." + link + ".new");
    try {
      Files.deleteIfExists(fresh);
      Files.createSymbolicLink(fresh, Path.of(target));
      Files.move(fresh, root.resolve(link), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot point " + root.resolve(link) + " at " + target, e);
    }
  }

  /** What {@code root/link} points at, as written in the link; empty when it is no link. */
  public static Optional<String> target(Path root, String link) {
    Path path = root.resolve(link);
    if (!Files.isSymbolicLink(path)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readSymbolicLink(path).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code root/link} points at {@code directory}, written relative to the root or absolute. */
  public static boolean pointsTo(Path root, String link, Path directory) {
    return target(root, link).map(written -> root.resolve(written).normalize().equals(directory.normalize()))
        .orElse(false);
  }

  /** Removes {@code root/link} if it is a link (never a directory). */
  public static void remove(Path root, String link) {
    Path path = root.resolve(link);
    try {
      if (Files.isSymbolicLink(path) || !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

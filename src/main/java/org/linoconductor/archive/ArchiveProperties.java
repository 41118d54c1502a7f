package org.linoconductor.archive;

import java.nio.file.Path;
import org.linoconductor.site.SiteNames;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code conductor.archive.*}.
 *
 * @param dir where archive-site moves site directories, as {@code <dir>/<site>}; unset: {@code
 *     <root>/archive/<site>}, in the site's own root. On the file system of the root either way,
 *     because the move is a rename.
 */
@ConfigurationProperties("conductor.archive")
record ArchiveProperties(Path dir) {

  /** The archive directory of the sites of {@code root}. */
  Path dirFor(Path root) {
    return dir == null ? root.resolve(SiteNames.ARCHIVE) : dir.toAbsolutePath().normalize();
  }
}

package org.linoconductor.site;

import static org.linoconductor.input.Shown.quoted;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * One directory, one site: a directory, its real location with links resolved, belongs to at most
 * one registered site, because the per-site lock is what keeps two runs (two make_snapshot.sh, two
 * restores) out of one directory. An ARCHIVED site still owns the place it was registered in, until
 * its registration is removed.
 */
@Component
class DirectoryOwners {

  private final SiteRepository repository;

  DirectoryOwners(SiteRepository repository) {
    this.repository = repository;
  }

  /**
   * @param site the site that is to have the directory (itself is no conflict)
   * @throws SiteConflictException naming the site that has it already
   */
  void requireFree(String site, Path directory, Path realDirectory) {
    for (SiteRepository.SiteDirectory other : repository.directories()) {
      if (!other.site().equals(site)
          && (realDirectory.equals(other.realDirectory()) || realDirectory.equals(realLocation(other.directory())))) {
        throw taken(directory, realDirectory, other.site());
      }
    }
  }

  static SiteConflictException taken(Path directory, Path realDirectory, String owner) {
    String really = directory.equals(realDirectory) ? "" : " (really " + quoted(realDirectory.toString()) + ")";
    return new SiteConflictException("directory", "Directory " + quoted(directory.toString()) + really
        + " is the directory of site '" + owner + "', registered already: a directory belongs to one site, so that"
        + " no two runs work in it at once. Use site '" + owner + "', or correct or remove its registration first"
        + " (PUT or DELETE /api/sites/" + owner + ").");
  }

  /** Whether a refused insert or update broke the uniqueness of directories (index of V14). */
  static boolean isTheirs(DataIntegrityViolationException e) {
    return String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("site_real_directory");
  }

  /** Another site took the directory between the check and the write. */
  static SiteConflictException takenMeanwhile(Path directory) {
    return new SiteConflictException("directory", "Directory " + quoted(directory.toString()) + " was registered"
        + " for another site at the same moment: a directory belongs to one site. GET /api/sites shows which.");
  }

  /** Where {@code directory} is now, links resolved, or the path itself when it no longer exists (archived). */
  private static Path realLocation(Path directory) {
    try {
      return directory.toRealPath();
    } catch (IOException e) {
      return directory.normalize();
    }
  }
}

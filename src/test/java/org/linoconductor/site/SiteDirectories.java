package org.linoconductor.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds site roots and directories on disk for the tests. */
final class SiteDirectories {

  private SiteDirectories() {}

  /** A Lino project directory: all the validator looks for is manage.py. */
  static Path site(Path root, String name) {
    try {
      Path directory = Files.createDirectories(root.resolve(name));
      Files.createFile(directory.resolve("manage.py"));
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A request for a PRODUCTION site (the default state). */
  static SiteRequest request(String name, Path root, String directory) {
    return request(name, root, directory, null);
  }

  static SiteRequest request(String name, Path root, String directory, SiteState state) {
    return new SiteRequest(name, root.toString(), directory, state, null, null, "anna_owner",
        List.of("tester"), "https://" + name + ".example.org", null, null, null);
  }
}

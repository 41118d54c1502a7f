package org.linoconductor.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The local upstream git repositories that every site's {@code pull.sh} pulls from, and the
 * package index that stands in for PyPI for sites whose packages are pip-installed. The
 * {@code lino} repository holds the simulated Lino itself ({@code lino_sim.py}, which a site's
 * manage.py imports) and what it reads as its code: {@code VERSION}, {@code schema.txt},
 * {@code migrations.txt}, {@code requirements.txt}, and {@code static/}. A release is one commit
 * in each repository and, in the index, a directory {@code <repository>/<version>/} with its files.
 */
final class Upstreams {

  static final List<String> REPOSITORIES = List.of("lino", "lino_xl", "lino_noi");
  static final String FIRST_VERSION = "21.2.5";
  private static final int STATIC_FILES_PER_REPOSITORY = 4;

  private final Path dir;
  private final Path index;

  /** The repositories in {@code base/upstream}, the index in {@code base/index}. */
  Upstreams(Path base) {
    this.dir = base.resolve("upstream");
    this.index = base.resolve("index");
  }

  /** Creates the repositories with the first release. */
  void create() {
    for (String repo : REPOSITORIES) {
      Path repoDir = dir.resolve(repo);
      git(dir, "init", "-q", "-b", "master", repoDir.toString());
      for (int i = 1; i <= STATIC_FILES_PER_REPOSITORY; i++) {
        write(repoDir.resolve("static/" + repo + "/css/" + repo + "-" + i + ".css"),
            "/* " + repo + " style sheet " + i + " */\n");
      }
    }
    Path lino = dir.resolve("lino");
    Templates.copy("upstream/lino_sim.py", lino.resolve("lino_sim.py"), false);
    Templates.copy("upstream/schema.txt", lino.resolve("schema.txt"), false);
    Templates.copy("upstream/migrations.txt", lino.resolve("migrations.txt"), false);
    write(lino.resolve("requirements.txt"), "");
    commitRelease(FIRST_VERSION);
  }

  /** The version in the upstream {@code lino} repository. */
  String version() {
    try {
      return Files.readString(dir.resolve("lino/VERSION")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Publishes a release. A schema change adds a text column with a default to contacts.Partner,
   * plus the migrator from the previous version, so a restore of older data really migrates.
   */
  void publish(String version, boolean schemaChanged) {
    String previous = version();
    if (previous.equals(version)) {
      throw new IllegalArgumentException("Version " + version + " is already published");
    }
    Path lino = dir.resolve("lino");
    if (schemaChanged) {
      String column = "remark_" + version.replace('.', '_');
      append(lino.resolve("schema.txt"), "contacts.Partner " + column + " str ''\n");
      append(lino.resolve("migrations.txt"),
          previous + " " + version + " added field contacts.Partner." + column + "\n");
    }
    commitRelease(version);
  }

  /**
   * Commits the release in every repository and puts its files into the index;
   * `static/lino/release.txt` changes each time.
   */
  private void commitRelease(String version) {
    write(dir.resolve("lino/VERSION"), version + "\n");
    write(dir.resolve("lino/static/lino/release.txt"), "Lino " + version + "\n");
    for (String repo : REPOSITORIES) {
      Path repoDir = dir.resolve(repo);
      append(repoDir.resolve("CHANGES.txt"), "Release " + version + "\n");
      git(repoDir, "add", "-A");
      git(repoDir, "-c", "user.name=Lino Simulation", "-c", "user.email=sim@lino.invalid",
          "commit", "-q", "-m", "Release " + version);
      publishToIndex(repoDir, index.resolve(repo).resolve(version));
    }
  }

  /** The committed files of the repository (not .git), as the release's package in the index. */
  private static void publishToIndex(Path repoDir, Path target) {
    for (String file : Commands.run(repoDir, List.of("git", "ls-files")).lines().toList()) {
      try {
        Files.createDirectories(target.resolve(file).getParent());
        Files.copy(repoDir.resolve(file), target.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static void git(Path dir, String... args) {
    List<String> argv = new ArrayList<>(List.of("git"));
    argv.addAll(List.of(args));
    Commands.run(dir, argv);
  }

  private static void write(Path file, String text) {
    Templates.write(file, text, false);
  }

  private static void append(Path file, String text) {
    try {
      Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

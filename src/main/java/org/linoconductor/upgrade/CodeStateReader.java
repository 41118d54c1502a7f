package org.linoconductor.upgrade;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.linoconductor.shell.LineMatcher;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.Site;
import org.linoconductor.step.StepContext;

/**
 * Reads a site's code state in either layout: {@code git rev-parse HEAD} in each repository of
 * {@code env/repositories}, and the installed packages from the env's own metadata
 * ({@code site-packages/*.dist-info/METADATA}, {@code *.egg-info}), which is what {@code pip freeze}
 * reads too, without starting pip (a second or so per call on a real site). An upgrade reads its
 * own site before and after pull.sh; an upgrade attempt reads production and the preview.
 */
public final class CodeStateReader {

  /** What went wrong reading the code state, or the state itself. */
  public record Reading(CodeState state, String problem) {}

  private static final String REVISION = "revision";

  private CodeStateReader() {}

  static Path repositoriesDir(Site site) {
    return site.directory().resolve("env/repositories");
  }

  /** The repository directories (those holding {@code .git}), sorted by name. */
  static List<Path> repositories(Site site) {
    Path dir = repositoriesDir(site);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> Files.exists(p.resolve(".git"))).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@link #read(StepContext, Site)} of the step's own site. */
  static Reading read(StepContext context) {
    return read(context, context.site());
  }

  /** In a dry run the git commands are only rendered and the revisions are empty. */
  public static Reading read(StepContext context, Site site) {
    Map<String, String> revisions = new LinkedHashMap<>();
    for (Path repo : repositories(site)) {
      // The commit id is matched, not taken from the tail: git may warn on stderr, which the output merges.
      ShellResult result = context.runIn(site, List.of("git", "-C", repo.toString(), "rev-parse", "HEAD"),
          LineMatcher.of(REVISION, "^[0-9a-f]{40,64}$"));
      if (!result.succeeded() || (!context.dryRun() && result.fact(REVISION).isEmpty())) {
        return new Reading(null, "git rev-parse HEAD failed in " + repo + " (exit status " + result.exitStatus()
            + "). See the log " + result.logFile());
      }
      revisions.put(repo.getFileName().toString(), context.dryRun() ? "" : result.fact(REVISION).get(0));
    }
    try {
      return new Reading(new CodeState(revisions, installedPackages(site.directory().resolve("env"))), null);
    } catch (UncheckedIOException e) {
      return new Reading(null, "The installed packages of " + site.directory().resolve("env") + " cannot be read: "
          + e.getCause());
    }
  }

  /**
   * {@code Name==Version} of every distribution in the env's site-packages, sorted by name as pip
   * freeze sorts them. Development installs of env/repositories have no metadata there (their
   * revision is the code state); a modern editable install has, and is listed with its version.
   */
  static List<String> installedPackages(Path env) {
    Map<String, String> packages = new TreeMap<>();
    for (Path sitePackages : sitePackages(env)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(sitePackages, "*.{dist-info,egg-info}")) {
        for (Path entry : entries) {
          Path metadata = Files.isDirectory(entry)
              ? entry.resolve(entry.toString().endsWith(".dist-info") ? "METADATA" : "PKG-INFO") : entry;
          nameAndVersion(metadata).ifPresent(line ->
              packages.put(line.substring(0, line.indexOf("==")).toLowerCase(Locale.ROOT), line));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return List.copyOf(packages.values());
  }

  /** {@code env/lib/python3.X/site-packages} (one per Python version the env has). */
  private static List<Path> sitePackages(Path env) {
    Path lib = env.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return List.of();
    }
    try (Stream<Path> versions = Files.list(lib)) {
      return versions.filter(dir -> dir.getFileName().toString().startsWith("python"))
          .map(dir -> dir.resolve("site-packages")).filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Name and Version headers of a METADATA or PKG-INFO file (RFC 822, headers end at a blank line). */
  private static Optional<String> nameAndVersion(Path metadata) throws IOException {
    if (!Files.isRegularFile(metadata)) {
      return Optional.empty();
    }
    String name = null;
    String version = null;
    try (BufferedReader reader = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
        if (name == null && line.startsWith("Name:")) {
          name = line.substring("Name:".length()).strip();
        } else if (version == null && line.startsWith("Version:")) {
          version = line.substring("Version:".length()).strip();
        }
      }
    }
    return name == null || version == null ? Optional.empty() : Optional.of(name + "==" + version);
  }
}

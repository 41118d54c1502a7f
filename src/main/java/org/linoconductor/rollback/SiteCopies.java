package org.linoconductor.rollback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.linoconductor.rollback.CopyRecords.Copy;
import org.linoconductor.rollback.CopyRecords.Kind;
import org.linoconductor.rollback.RollbackProperties.EnvCopy;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.Site;
import org.linoconductor.step.DiskUsage;
import org.linoconductor.step.FileTrees;
import org.linoconductor.step.StepContext;
import org.springframework.stereotype.Component;

/**
 * Where a site's copies live ({@code <copies>/<site>/<run>/}, readable by this user only), which
 * are kept (the last {@code conductor.rollback.keep-copies} runs') and what the pre-flight check
 * of an upgrade needs to know about them.
 */
@Component
public class SiteCopies {

  /** What the pre-flight check found: problems (empty when the copies can be made) and the room they need. */
  public record Check(List<String> problems, long neededKib, String summary) {}

  /** A run id becomes a directory name: only what a process instance id is made of. */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  /** A directory takes at least a block of its own, also in a hard-linked copy. */
  private static final long DIRECTORY_BYTES = 4096;

  private final RollbackProperties properties;
  private final CopyRecords records;
  private final DatabaseCopier copier;

  SiteCopies(RollbackProperties properties, CopyRecords records) {
    this.properties = properties;
    this.records = records;
    this.copier = new DatabaseCopier(properties.tools());
  }

  DatabaseCopier copier() {
    return copier;
  }

  RollbackProperties properties() {
    return properties;
  }

  /** The run's directory of copies, created (mode 0700) unless {@code create} is false. */
  Path runDir(Site site, String run, boolean create) {
    if (!RUN_ID.matcher(run).matches()) {
      throw new IllegalArgumentException("Not a run id: '" + run + "'");
    }
    Path dir = properties.copiesOf(site).resolve(run);
    if (create) {
      try {
        for (Path each : List.of(properties.copiesOf(site).getParent(), properties.copiesOf(site), dir)) {
          if (!Files.isDirectory(each)) {
            Files.createDirectories(each);
            Files.setPosixFilePermissions(each, PosixFilePermissions.fromString("rwx------"));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot create the directory of copies " + dir, e);
      }
    }
    return dir;
  }

  /** The env a roll-back puts back: {@code <site>/env}, or the directory it links to (a shared env). */
  static Path liveEnv(Site site) {
    Path env = site.directory().resolve("env");
    try {
      return env.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("The env of site " + site.name() + " (" + env + ") cannot be read", e);
    }
  }

  /**
   * Removes the copies of the site's older runs, keeping the newest {@code keep-copies} runs' (this
   * run's among them), and records who removed them. Returns the runs whose copies went.
   */
  List<String> prune(Site site, String currentRun) {
    Set<String> runs = new LinkedHashSet<>();
    records.kept(site.name()).forEach(copy -> runs.add(copy.run()));
    runs.remove(currentRun);
    List<String> older = new ArrayList<>(runs).subList(Math.min(runs.size(), properties.keepCopies() - 1), runs.size());
    List<String> removed = new ArrayList<>();
    for (String run : older) {
      FileTrees.delete(runDir(site, run, false));
      records.removed(run, currentRun, Instant.now());
      removed.add(run);
    }
    return removed;
  }

  /** For the pre-flight check: can the copies be made, and how much room do they need? Changes nothing. */
  public Check check(StepContext context) {
    Site site = context.site();
    List<String> problems = new ArrayList<>();
    SiteSettings.Reading reading = SiteSettings.read(context);
    long databaseBytes = 0;
    if (reading.problem() != null) {
      problems.add(reading.problem());
    } else {
      SiteDatabase database = reading.database();
      if (!context.dryRun() && database.kind() != site.databaseKind()) {
        problems.add("settings.py of site " + site.name() + " uses " + database.describe() + ", but the"
            + " registration says " + site.databaseKind() + ": correct databaseKind in the registration"
            + " (PUT or PATCH /api/sites/" + site.name() + ").");
      }
      problems.addAll(copier.check(context, database));
      databaseBytes = database.kind() == DatabaseKind.SQLITE
          ? DiskUsage.sizeBytes(database.file()) : lastDatabaseCopy(site);
    }
    Path env = site.directory().resolve("env");
    long envBytes = 0;
    if (!Files.isDirectory(env)) {
      problems.add("Site " + site.name() + " has no env (" + env + "): there is no code to copy.");
    } else {
      Path live = liveEnv(site);
      Path copies = properties.copiesOf(site);
      if (!sameFileSystem(live, copies)) {
        problems.add("The copies of site " + site.name() + " (" + copies + ") would not be on the file system of"
            + " its env (" + live + "), so the roll-back could not put the env back by a rename: set"
            + " conductor.rollback.copies-dir to a directory on that file system.");
      }
      envBytes = properties.envCopy() == EnvCopy.FULL ? DiskUsage.sizeBytes(live) : directories(live) * DIRECTORY_BYTES;
    }
    // the roll-back keeps the upgraded database beside the copy before putting the copy back: twice
    long neededKib = DiskUsage.toKib(2 * databaseBytes) + DiskUsage.toKib(envBytes);
    List<Copy> kept = records.kept(site.name());
    long keptKib = DiskUsage.toKib(kept.stream().mapToLong(Copy::sizeBytes).sum());
    long keptRuns = kept.stream().map(Copy::run).distinct().count();
    String summary = "copies need " + neededKib + " KiB (database " + DiskUsage.toKib(databaseBytes)
        + " KiB twice, env " + DiskUsage.toKib(envBytes) + " KiB, " + properties.envCopy().name().toLowerCase(java.util.Locale.ROOT)
        + " copy); " + keptRuns + " earlier run(s)' copies kept (" + keptKib + " KiB), the last "
        + properties.keepCopies() + " runs' are kept";
    return new Check(problems, neededKib, summary);
  }

  /** A server database's size is that of its last copy (an estimate: the first copy is not counted). */
  private long lastDatabaseCopy(Site site) {
    return records.kept(site.name()).stream().filter(copy -> copy.kind() == Kind.DATABASE)
        .mapToLong(Copy::sizeBytes).findFirst().orElse(0);
  }

  private static long directories(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares the devices of the paths (of the nearest existing directory for one not made yet). */
  private static boolean sameFileSystem(Path a, Path b) {
    try {
      return Files.getAttribute(existing(a), "unix:dev").equals(Files.getAttribute(existing(b), "unix:dev"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path existing(Path path) {
    Path each = path.toAbsolutePath();
    while (!Files.exists(each)) {
      each = each.getParent();
    }
    return each;
  }
}

package org.linoconductor.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.linoconductor.archive.ArchiveSiteProcess.Topics;
import org.linoconductor.archive.ArchiveSiteProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteConflictException;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves an OLD site's directory into the archive and records the site ARCHIVED. One rename
 * (ATOMIC_MOVE): the directory is whole either in the root or in the archive, never half copied,
 * never deleted, never over another one. Refused while the root's prod or preview link serves it.
 */
@Component
class ArchiveSiteDirectoryStep implements Step {

  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
      .withZone(ZoneOffset.UTC);

  private final SiteRegistry registry;
  private final ArchiveProperties properties;
  private final TransactionTemplate transactions;

  ArchiveSiteDirectoryStep(SiteRegistry registry, ArchiveProperties properties, TransactionTemplate transactions) {
    this.registry = registry;
    this.properties = properties;
    this.transactions = transactions;
  }

  @Override
  public String topic() {
    return Topics.ARCHIVE_SITE_DIRECTORY;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site site = context.site();
    Path from = site.directory();
    Optional<String> servingLink = List.of(SiteLinks.PROD, SiteLinks.PREVIEW).stream()
        .filter(link -> SiteLinks.pointsTo(site.root(), link, from)).findFirst();
    if (servingLink.isPresent()) {
      return StepOutcome.failed("Site " + site.name() + " is still served: " + site.root().resolve(servingLink.get())
          + " points to " + from + ". Point the link to another site (or remove it) first, then retry."
          + " Nothing was moved.");
    }
    Path archive = properties.dirFor(site.root());
    Optional<Path> free = freeTarget(archive, site.name());
    if (free.isEmpty()) {
      return StepOutcome.failed("The archive " + archive + " holds a directory " + site.name() + " and one with"
          + " this second's suffix already: nothing is overwritten. Move one of them away, then retry."
          + " Nothing was moved.");
    }
    Path to = free.get();
    Map<String, Object> archivedTo = Map.of(Variables.ARCHIVED_TO, to.toString());
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: would move " + from + " to " + to + " and record " + site.name()
          + " ARCHIVED", archivedTo);
    }
    String startedBy = context.run().startedBy();
    try {
      Files.createDirectories(archive);
      // The record and the rename in one transaction: a refused move leaves the site OLD.
      transactions.executeWithoutResult(status -> {
        registry.archive(site.name(), to, startedBy, context.runId());
        move(from, to);
      });
    } catch (SiteConflictException e) {
      return StepOutcome.failed(e.getMessage() + " Nothing was moved.");
    } catch (IOException | UncheckedIOException e) {
      return StepOutcome.failed(whyNotMoved(site, to, e instanceof UncheckedIOException u ? u.getCause() : e));
    } catch (RuntimeException recordFailed) {
      return StepOutcome.failed(notRecorded(site, from, to, recordFailed));
    }
    return StepOutcome.succeeded("Moved " + from + " to " + to + "; " + site.name() + " is ARCHIVED", archivedTo);
  }

  /** {@code archive/name}, or with a time suffix when that exists; empty when both exist. */
  private static Optional<Path> freeTarget(Path archive, String name) {
    return Stream.of(archive.resolve(name), archive.resolve(name + "-" + SUFFIX.format(Instant.now())))
        .filter(candidate -> !Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)).findFirst();
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The record could not be written or committed, maybe after the rename: the directory goes back,
   * so that the registry and the disk agree (OLD, in the root).
   */
  private static String notRecorded(Site site, Path from, Path to, RuntimeException cause) {
    boolean moved = Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS) && !Files.exists(from, LinkOption.NOFOLLOW_LINKS);
    if (moved) {
      move(to, from);
    }
    return "Could not record " + site.name() + " as ARCHIVED: " + cause.getMessage() + "."
        + (moved ? " The directory was moved back to " + from + "." : "") + " Nothing changed: " + site.name()
        + " is still " + site.state() + " in " + from + ". Retry when the database answers again.";
  }

  private static String whyNotMoved(Site site, Path to, Exception cause) {
    String unchanged = " Nothing was moved and " + site.name() + " is still " + site.state() + ".";
    if (cause instanceof AtomicMoveNotSupportedException) {
      return site.directory() + " cannot be renamed to " + to + ": they lie on different file systems, and the"
          + " archive only renames (a copy could be left half done)." + unchanged + " Set conductor.archive.dir to"
          + " a directory on the file system of " + site.root() + ", or leave it unset (" + site.root()
          + "/archive), then retry.";
    }
    return "Could not move " + site.directory() + " to " + to + ": " + cause + "." + unchanged
        + " Fix the cause (does the directory exist? may the conductor write both places?), then retry.";
  }
}

package org.linoconductor.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections and removals of registrations, by operators ({@code PUT}, {@code PATCH} and
 * {@code DELETE /api/sites/{name}}), each recorded with who and when. A correction is checked as a
 * registration is. What it never changes: the name (a site keeps it for life), the life-cycle state
 * (the processes' business: one PRODUCTION per root, ARCHIVED by archive-site) and an ARCHIVED site.
 * Neither happens while a run holds the site, nor moves or removes a site a root link serves.
 *
 * <p>The site's row is locked first, so that two corrections never interleave. A run that starts
 * while a correction commits sees the registration before or after it, each a valid one; a run on a
 * site removed meanwhile fails at its first step as on an unknown site.
 */
@Service
class SiteCorrections {

  private static final Logger log = LoggerFactory.getLogger(SiteCorrections.class);
  private static final SiteRequestReader JSON = new SiteRequestReader(SiteRequestReader.Spelling.JSON);

  private final SiteRegistry registry;
  private final SiteRepository repository;
  private final SiteCorrectionRepository corrections;
  private final SiteValidator validator;
  private final DirectoryOwners owners;
  private final SiteHolds holds;

  SiteCorrections(SiteRegistry registry, SiteRepository repository, SiteCorrectionRepository corrections,
      SiteValidator validator, DirectoryOwners owners, SiteHolds holds) {
    this.registry = registry;
    this.repository = repository;
    this.corrections = corrections;
    this.validator = validator;
    this.owners = owners;
    this.holds = holds;
  }

  /**
   * Replaces the registration of {@code name} by {@code correction(current request)}: PUT gives a
   * whole request, PATCH merges its changes into the current one.
   *
   * @return the site as registered now
   */
  @Transactional
  public Site correct(String name, UnaryOperator<SiteRequest> correction, String correctedBy) {
    Site current = lockedSite(name, "corrected");
    if (current.state() == SiteState.ARCHIVED) {
      throw new SiteConflictException("state", "Site '" + name + "' is ARCHIVED (moved to " + current.archivedTo()
          + "): Conductor runs nothing on it, so its registration stays as it was. Remove it (DELETE /api/sites/"
          + name + ") when it is no longer needed.");
    }
    SiteRequest request = correction.apply(SiteRequest.of(current));
    if (request.name() != null && !request.name().equals(name)) {
      throw new InvalidSiteException("name", "A site keeps its name for life (its virtualenv cannot be renamed):"
          + " leave 'name' out or give '" + name + "'.");
    }
    if (request.state() != null && request.state() != current.state()) {
      throw new SiteConflictException("state", "Site '" + name + "' is " + current.state() + ", and a correction"
          + " never changes the state: the processes move a site along PREVIEW → PRODUCTION → OLD → ARCHIVED"
          + " (upgrade-attempt, archive-site), one PRODUCTION site per root. Leave 'state' out. Was the site"
          + " registered in the wrong state, remove the registration and register it again.");
    }
    Site corrected = validator.validate(request.with(name, current.state()));
    Path realDirectory = SiteValidator.realPath(corrected);
    owners.requireFree(name, corrected.directory(), realDirectory);
    if (!corrected.directory().equals(current.directory())) {
      servedBy(current).ifPresent(link -> {
        throw new SiteConflictException("directory", "The root's link " + link + " points at the directory of site '"
            + name + "' (" + current.directory() + "): the web server serves the site from there, so its"
            + " registration keeps that directory. Leave 'directory' and 'root' as they are.");
      });
    }
    if (corrected.state() == SiteState.PRODUCTION && !corrected.root().equals(current.root())) {
      registry.requireNoOtherProduction(corrected, "move to the root " + corrected.root() + " as PRODUCTION",
          "Leave 'root' as it is.");
    }
    ObjectNode changes = changes(current, corrected);
    if (changes.isEmpty()) {
      return current;
    }
    try {
      repository.update(corrected, realDirectory);
    } catch (DuplicateKeyException e) {
      throw DirectoryOwners.isTheirs(e) ? DirectoryOwners.takenMeanwhile(corrected.directory()) : e;
    }
    corrections.insert(name, SiteCorrectionRepository.CORRECTED, correctedBy, Instant.now(), changes);
    log.info("SITE-005 registration of site '{}' corrected by {}: {} changed", name, correctedBy,
        changes.propertyStream().map(Map.Entry::getKey).toList());
    return registry.require(name);
  }

  /**
   * Forgets the registration of {@code name}, keeping its directory, its runs' records and its
   * history rows; the registration as it was is recorded.
   */
  @Transactional
  public void remove(String name, String removedBy) {
    Site site = lockedSite(name, "removed");
    servedBy(site).ifPresent(link -> {
      throw new SiteConflictException("name", "The root's link " + link + " points at the directory of site '"
          + name + "': the web server serves it. Point " + link + " at another site first (an accepted upgrade"
          + " attempt moves prod, preview-setup moves preview), then remove the registration.");
    });
    List<String> previews = repository.previewsOf(name);
    if (!previews.isEmpty()) {
      throw new SiteConflictException("name", "Site '" + name + "' is the production site of the preview "
          + String.join(", ", previews) + ": remove " + (previews.size() == 1 ? "that registration" : "those")
          + " first (DELETE /api/sites/" + previews.get(0) + ").");
    }
    ObjectNode registration = JSON.tree(SiteRequest.of(site));
    registration.put("archivedTo", site.archivedTo() == null ? null : site.archivedTo().toString());
    corrections.insert(name, SiteCorrectionRepository.REMOVED, removedBy, Instant.now(), registration);
    repository.delete(name);
    log.info("SITE-006 registration of site '{}' removed by {}; its directory {} is kept", name, removedBy,
        site.archivedTo() == null ? site.directory() : site.archivedTo());
  }

  /** The site, its row locked until the transaction ends, unless a run holds it. */
  private Site lockedSite(String name, String what) {
    if (!repository.lock(name)) {
      throw new UnknownSiteException(name);
    }
    holds.heldBy(name).ifPresent(run -> {
      throw new SiteConflictException("name", "Site '" + name + "' is held by " + run + ": its registration is not "
          + what + " while a run works on it. Wait until the run has ended (or end it in Cockpit), then send the"
          + " request again.");
    });
    return registry.require(name);
  }

  /** The root link (prod or preview) that points at the site's directory, if any. */
  private static Optional<String> servedBy(Site site) {
    return List.of(SiteLinks.PROD, SiteLinks.PREVIEW).stream()
        .filter(link -> SiteLinks.pointsTo(site.root(), link, site.directory())
            || sameRealLocation(site.root().resolve(link), site.directory()))
        .findFirst();
  }

  private static boolean sameRealLocation(Path link, Path directory) {
    try {
      return Files.isSymbolicLink(link) && Files.exists(directory) && Files.isSameFile(link, directory);
    } catch (IOException e) {
      return false;
    }
  }

  /** Per key of the registration that differs: {"from": …, "to": …}. */
  private static ObjectNode changes(Site current, Site corrected) {
    ObjectNode before = JSON.tree(SiteRequest.of(current));
    ObjectNode after = JSON.tree(SiteRequest.of(corrected));
    ObjectNode changes = before.objectNode();
    before.fieldNames().forEachRemaining(key -> {
      JsonNode from = before.get(key);
      JsonNode to = after.get(key);
      if (!Objects.equals(from, to)) {
        ObjectNode change = changes.putObject(key);
        change.set("from", from);
        change.set("to", to);
      }
    });
    return changes;
  }
}

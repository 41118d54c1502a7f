package org.linoconductor.site;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registered sites: the one place other features look a site up or change its state. */
@Service
public class SiteRegistry {

  private static final Logger log = LoggerFactory.getLogger(SiteRegistry.class);

  private final SiteRepository repository;
  private final SiteValidator validator;
  private final DirectoryOwners owners;
  private final ApplicationEventPublisher events;

  SiteRegistry(SiteRepository repository, SiteValidator validator, DirectoryOwners owners,
      ApplicationEventPublisher events) {
    this.repository = repository;
    this.validator = validator;
    this.owners = owners;
    this.events = events;
  }

  public Optional<Site> find(String name) {
    return repository.find(name);
  }

  /** @throws UnknownSiteException when no site has that name */
  public Site require(String name) {
    return find(name).orElseThrow(() -> new UnknownSiteException(name));
  }

  public List<Site> all() {
    return repository.all();
  }

  /**
   * Validates and registers a new site, and records the registration as the first entry of its
   * state history.
   *
   * @param registeredBy the Camunda user who registered it, or what did (e.g. {@link SiteSeeder#SEED_FILE})
   * @param run the process instance that registered it, or null
   * @throws InvalidSiteException when the request breaks a rule
   * @throws SiteConflictException when the name is taken, when another site has the directory, or
   *     when the site would be a second PRODUCTION site in its root
   */
  @Transactional
  public Site register(SiteRequest request, String registeredBy, String run) {
    Site site = validator.validate(request);
    if (repository.exists(site.name())) {
      throw duplicate(site.name());
    }
    Path realDirectory = SiteValidator.realPath(site);
    owners.requireFree(site.name(), site.directory(), realDirectory);
    if (site.state() == SiteState.PRODUCTION) {
      requireNoOtherProduction(site, "be registered as PRODUCTION",
          "Register " + site.name() + " as PREVIEW or OLD, or in a root of its own.");
    }
    try {
      repository.insert(site, realDirectory);
    } catch (DuplicateKeyException e) {
      // Registered concurrently between the check and the insert: the name, or the directory. The
      // transaction is spoilt (PostgreSQL), so the index's name in the message tells which.
      throw DirectoryOwners.isTheirs(e) ? DirectoryOwners.takenMeanwhile(site.directory()) : duplicate(site.name());
    }
    repository.insertStateChange(
        new SiteStateChange(site.name(), null, site.state(), registeredBy, Instant.now(), run));
    log.info("SITE-001 registered site '{}' in {} as {} (by {})", site.name(), site.directory(), site.state(),
        registeredBy);
    events.publishEvent(new SiteRegistered(site.name()));
    return site;
  }

  /** {@link #changeState(String, SiteState, String, String)} outside a run, by no one in particular. */
  @Transactional
  public Site changeState(String name, SiteState newState) {
    return changeState(name, newState, null, null);
  }

  /**
   * Moves a site along its life cycle ({@link SiteState#canBecome}) and records the change. A root
   * has one PRODUCTION site at any time: to replace it, make the old one OLD first, then the new one
   * PRODUCTION, in one transaction.
   *
   * @param changedBy the Camunda user who caused it, or null
   * @param run the process instance making the change, or null
   * @throws UnknownSiteException when no site has that name
   * @throws SiteConflictException when the life cycle does not allow the change, or another site of
   *     the root is PRODUCTION
   */
  @Transactional
  public Site changeState(String name, SiteState newState, String changedBy, String run) {
    Site site = require(name);
    if (site.state() == newState) {
      return site;
    }
    if (!site.state().canBecome(newState)) {
      throw new SiteConflictException("state", "Site '" + name + "' cannot go from " + site.state()
          + " to " + newState + ": the life cycle is PREVIEW → PRODUCTION → OLD → ARCHIVED.");
    }
    if (newState == SiteState.PRODUCTION) {
      requireNoOtherProduction(site, "become PRODUCTION",
          "Make that site OLD first: accepting an upgrade attempt does both in one step.");
    }
    repository.updateState(name, newState);
    repository.insertStateChange(new SiteStateChange(name, site.state(), newState, changedBy, Instant.now(), run));
    log.info("SITE-002 site '{}' changed from {} to {}", name, site.state(), newState);
    return site.withState(newState);
  }

  /**
   * Records that archive-site moved the directory of an OLD site to {@code archivedTo}: the site is
   * ARCHIVED from now on, and no process runs on it.
   *
   * @throws SiteConflictException when the life cycle does not allow ARCHIVED
   */
  @Transactional
  public Site archive(String name, Path archivedTo, String changedBy, String run) {
    changeState(name, SiteState.ARCHIVED, changedBy, run);
    repository.updateArchivedTo(name, archivedTo);
    log.info("SITE-004 site '{}' archived to {}", name, archivedTo);
    return require(name);
  }

  /** The state changes of {@code name} from its registration on, oldest first. */
  public List<SiteStateChange> history(String name) {
    return repository.history(name);
  }

  /** The state histories of all registered sites, by name (read at once, for a list of sites). */
  public Map<String, List<SiteStateChange>> histories() {
    return repository.histories();
  }

  /** The state changes a run made, in order: part of its audit record. */
  public List<SiteStateChange> stateChangesInRun(String run) {
    return repository.stateChangesInRun(run);
  }

  /**
   * Forgets a site (its preview row goes with it). Only for a registration a run made and now
   * takes back, e.g. an aborted preview-setup; the directory is not touched.
   */
  @Transactional
  public void unregister(String name) {
    if (repository.delete(name)) {
      log.info("SITE-003 site '{}' unregistered", name);
    }
  }

  /**
   * One PRODUCTION site per root: the site the root's {@code prod} link serves.
   *
   * @param change what the site was to do, as the message says it ("become PRODUCTION")
   * @param remedy what the operator can do instead
   */
  void requireNoOtherProduction(Site site, String change, String remedy) {
    List<String> others = repository.productionSitesIn(site.root(), site.host(), site.name());
    if (!others.isEmpty()) {
      throw new SiteConflictException("state", "Site '" + site.name() + "' cannot " + change + ": site '"
          + String.join("', '", others) + "' is the PRODUCTION site of the root " + site.root()
          + " (the site its prod link serves), and a root has only one. " + remedy);
    }
  }

  private static SiteConflictException duplicate(String name) {
    return new SiteConflictException("name", "Site '" + name + "' is already registered:"
        + " choose another name, or use the registered site as it is.");
  }
}

package org.linoconductor.site;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registered sites: the one place other features look a site up or change its state. */
@Service
public class SiteRegistry {

  private static final Logger log = LoggerFactory.getLogger(SiteRegistry.class);

  private final SiteRepository repository;
  private final SiteValidator validator;

  SiteRegistry(SiteRepository repository, SiteValidator validator) {
    this.repository = repository;
    this.validator = validator;
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
   * Validates and registers a new site.
   *
   * @throws InvalidSiteException when the request breaks a rule
   * @throws SiteConflictException when the name is taken
   */
  @Transactional
  public Site register(SiteRequest request) {
    Site site = validator.validate(request);
    if (repository.exists(site.name())) {
      throw duplicate(site.name());
    }
    try {
      repository.insert(site);
    } catch (DuplicateKeyException e) {
      throw duplicate(site.name()); // registered concurrently between the check and the insert
    }
    log.info("SITE-001 registered site '{}' in {} as {}", site.name(), site.directory(), site.state());
    return site;
  }

  /** {@link #changeState(String, SiteState, String, String)} outside a run, by no one in particular. */
  @Transactional
  public Site changeState(String name, SiteState newState) {
    return changeState(name, newState, null, null);
  }

  /**
   * Moves a site along its life cycle ({@link SiteState#canBecome}) and records the change.
   *
   * @param changedBy the Camunda user who caused it, or null
   * @param run the process instance making the change, or null
   * @throws UnknownSiteException when no site has that name
   * @throws SiteConflictException when the life cycle does not allow the change
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
    repository.updateState(name, newState);
    repository.insertStateChange(new SiteStateChange(name, site.state(), newState, changedBy, Instant.now(), run));
    log.info("SITE-002 site '{}' changed from {} to {}", name, site.state(), newState);
    return site.withState(newState);
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

  private static SiteConflictException duplicate(String name) {
    return new SiteConflictException("name", "Site '" + name + "' is already registered:"
        + " choose another name, or use the registered site as it is.");
  }
}

package org.linoconductor.step;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a run was started with, fixed at its start and read from table {@code run_identity} by
 * {@link RunIdentities}: the site it works on, the production site of a preview's run, whether it
 * is a dry run, who started it and when, and its other start parameters as checked at the start
 * (e.g. {@code duration=PT1H}). Never read from process variables, which any completion or variable
 * update may change.
 *
 * @param productionSite the production site a preview's run works with (preview-sync, upgrade-attempt), or null
 * @param startedBy the user who started the run (for a called run, whoever started its caller), or null
 * @param calledBy the run that called this one through a call activity, or null
 * @param host the host whose step agent runs the run's steps (the site's at the start), or null: the server's worker
 */
public record RunIdentity(
    String processInstanceId,
    String processKey,
    String site,
    String productionSite,
    boolean dryRun,
    String startedBy,
    Instant startedAt,
    String calledBy,
    Map<String, String> parameters,
    String host) {

  public RunIdentity {
    parameters = Map.copyOf(parameters);
  }

  /** A run whose steps the server's own worker runs (its site has no host). */
  public RunIdentity(String processInstanceId, String processKey, String site, String productionSite, boolean dryRun,
      String startedBy, Instant startedAt, String calledBy, Map<String, String> parameters) {
    this(processInstanceId, processKey, site, productionSite, dryRun, startedBy, startedAt, calledBy, parameters,
        null);
  }

  /** The start parameter {@code name} as recorded; empty when the start left it out. */
  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** A Boolean start parameter: true only when it was given as true. */
  public boolean flag(String name) {
    return Boolean.parseBoolean(parameters.get(name));
  }

  /** The production site of a preview's run. */
  public String requireProductionSite() {
    if (productionSite == null) {
      throw new IllegalStateException("Run " + processInstanceId + " (" + processKey + ") works with no production"
          + " site: only preview-sync and upgrade-attempt record one at their start");
    }
    return productionSite;
  }
}

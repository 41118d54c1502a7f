package org.linoconductor.preview;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.SiteLock;
import org.linoconductor.step.StepVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One round of the nightly run: notes how the syncs it started are doing, then starts pending ones
 * while fewer than {@code conductor.preview.max-concurrent-syncs} preview-sync runs work.
 *
 * <p>Why a delegate in a timed loop rather than a multi-instance call activity: Camunda has no limit
 * on parallel instances, a sequential one allows only one sync at a time, and a call activity would
 * hold the night's other syncs until an operator decided on a failed one. Started as runs of their
 * own, a failed sync waits for its operator while the others go on.
 *
 * <p>A site another run holds is skipped, not started: a refused start would throw inside this
 * transaction and undo the whole round. The same holds for the production a preview mirrors, which
 * each sync locks too; a second preview of a production whose sync this round started waits for a
 * later round (a run started in this transaction is not yet visible to the lock's check). Should a run take the site between the check and the start,
 * the round fails and its job is retried, and the retry finds the site busy.
 */
@Component("startNightlySyncs")
class StartNightlySyncsDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(StartNightlySyncsDelegate.class);

  private final NightlySyncResults results;
  private final PreviewSites previews;
  private final SyncRuns syncs;
  private final SiteRegistry sites;
  private final SiteLock lock;
  private final RuntimeService runtime;
  private final PreviewProperties properties;

  StartNightlySyncsDelegate(NightlySyncResults results, PreviewSites previews, SyncRuns syncs, SiteRegistry sites,
      SiteLock lock, RuntimeService runtime, PreviewProperties properties) {
    this.results = results;
    this.previews = previews;
    this.syncs = syncs;
    this.sites = sites;
    this.lock = lock;
    this.runtime = runtime;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String nightly = execution.getProcessInstanceId();
    for (NightlySyncResult started : results.ofRun(nightly)) {
      if (started.result() == Result.STARTED) {
        SyncRuns.Progress progress = syncs.of(started.syncRun());
        results.update(nightly, started.site(), progress.result(), started.syncRun(), progress.detail());
      }
    }
    long working = syncs.working();
    Set<String> productionsSyncedNow = new HashSet<>();
    for (NightlySyncResult pending : results.ofRun(nightly)) {
      Optional<String> production = previews.find(pending.site()).map(PreviewSite::productionSite);
      if (pending.result() != Result.PENDING || working >= properties.maxConcurrentSyncs()
          || production.filter(productionsSyncedNow::contains).isPresent()) {
        continue;
      }
      Optional<String> refusal = refusal(pending.site()).or(() -> production.flatMap(lock::refusal));
      if (refusal.isPresent()) {
        log.info("PREVIEW-002 Nightly sync {}: {} skipped: {}", nightly, pending.site(), refusal.get());
        results.update(nightly, pending.site(), Result.SKIPPED, null, refusal.get());
        continue;
      }
      String run = runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY,
          Map.of(StepVariables.SITE, pending.site())).getId();
      log.info("PREVIEW-003 Nightly sync {}: started preview-sync {} of {}", nightly, run, pending.site());
      results.update(nightly, pending.site(), Result.STARTED, run, "run " + run + " is working");
      production.ifPresent(productionsSyncedNow::add);
      working++;
    }
    execution.setVariable(NightlySyncProcess.Variables.ALL_SYNCS_DONE, results.ofRun(nightly).stream()
        .noneMatch(r -> r.result() == Result.PENDING || r.result() == Result.STARTED));
  }

  /** Why preview-sync would refuse the site now: no longer a preview, or busy (e.g. still syncing). */
  private Optional<String> refusal(String name) {
    Optional<Site> site = sites.find(name);
    if (site.isEmpty()) {
      return Optional.of("site " + name + " is no longer registered");
    }
    if (site.get().state() != SiteState.PREVIEW) {
      return Optional.of("site " + name + " is " + site.get().state() + ", no longer PREVIEW");
    }
    return lock.refusal(name);
  }
}

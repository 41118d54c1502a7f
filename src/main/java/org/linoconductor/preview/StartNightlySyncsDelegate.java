package org.linoconductor.preview;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * One round of the nightly run: notes how the syncs it started are doing, then starts pending ones,
 * those of the production with the most sync time left first ({@link SyncOrder}), while fewer than
 * {@code conductor.preview.max-concurrent-syncs} preview-sync runs work. The night runs a round when
 * it starts and whenever a run ends or begins to wait for someone ({@link NightlyWakeUp}), so a free
 * slot or site is taken at once.
 *
 * <p>Why a delegate in a loop rather than a multi-instance call activity: Camunda has no limit on
 * parallel instances, a sequential one allows only one sync at a time, and a call activity would hold
 * the night until an operator decided on a failed sync. Started as runs of their own, a failed sync
 * waits for its operator while the others go on.
 *
 * <p>A preview whose site or production another run holds is not started (a refused start would throw
 * inside this transaction and undo the whole round): it waits while that run works, and is skipped
 * when that run waits for a decision or an operator, as it may do all night. A second preview of a
 * production whose sync this round started waits too (a run started in this transaction is not yet
 * visible to the lock's check). Should a run take a site between the check and the start, the round
 * fails and is not committed: nothing is started twice, and the next round (at the latest the
 * one-minute timer's) finds the site busy.
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
  private final NightlyWakeUp wakeUp;

  StartNightlySyncsDelegate(NightlySyncResults results, PreviewSites previews, SyncRuns syncs, SiteRegistry sites,
      SiteLock lock, RuntimeService runtime, PreviewProperties properties, NightlyWakeUp wakeUp) {
    this.results = results;
    this.previews = previews;
    this.syncs = syncs;
    this.sites = sites;
    this.lock = lock;
    this.runtime = runtime;
    this.properties = properties;
    this.wakeUp = wakeUp;
  }

  @Override
  public void execute(DelegateExecution execution) {
    wakeUp.afterRound(wakeUp.changes()); // first of all: a change from now on is seen or wakes the night again
    String nightly = execution.getProcessInstanceId();
    long working = 0;
    Set<String> started = new HashSet<>();
    for (NightlySyncResult sync : results.ofRun(nightly)) {
      if (sync.result() == Result.STARTED) {
        SyncRuns.Progress progress = syncs.of(sync.syncRun());
        note(sync, progress.result(), sync.syncRun(), progress.detail());
        started.add(sync.syncRun());
        working += progress.result() == Result.STARTED ? 1 : 0;
      }
    }
    working += syncs.workingOtherThan(started);
    Map<String, NightlySyncResult> pending = results.ofRun(nightly).stream()
        .filter(r -> r.result() == Result.PENDING)
        .collect(Collectors.toMap(NightlySyncResult::site, Function.identity()));
    Map<String, String> productionOf = previews.all().stream()
        .collect(Collectors.toMap(PreviewSite::site, PreviewSite::productionSite));
    Map<String, Optional<Busy>> busy = new HashMap<>(); // a production's holder, looked at once a round
    Set<String> productionsStartedNow = new HashSet<>();
    for (String site : SyncOrder.of(List.copyOf(pending.keySet()), productionOf, results.expected(nightly))) {
      if (working >= properties.maxConcurrentSyncs()) {
        break;
      }
      NightlySyncResult preview = pending.get(site);
      Optional<String> production = Optional.ofNullable(productionOf.get(site));
      Optional<String> skip = notAPreview(site, sites.find(site).orElse(null));
      if (skip.isPresent()) {
        note(preview, Result.SKIPPED, null, skip.get());
        continue;
      }
      Optional<Busy> holder = busy.computeIfAbsent(site, this::busy)
          .or(() -> production.flatMap(p -> busy.computeIfAbsent(p, this::busy)));
      if (holder.filter(Busy::waitsForSomeone).isPresent()) {
        note(preview, Result.SKIPPED, null, holder.get().refusal() + " That run " + holder.get().waiting() + ".");
        continue;
      }
      if (holder.isPresent() || production.filter(productionsStartedNow::contains).isPresent()) {
        note(preview, Result.PENDING, null, holder.map(Busy::waitingFor).orElseGet(() -> "waits for the sync of"
            + " another preview of " + production.get() + ", started at the same moment"));
        continue;
      }
      String run = runtime.startProcessInstanceByKey(PreviewSyncProcess.KEY,
          Map.of(StepVariables.SITE, site)).getId();
      note(preview, Result.STARTED, run, "run " + run + " is working");
      production.ifPresent(productionsStartedNow::add);
      working++;
    }
    execution.setVariable(NightlySyncProcess.Variables.ALL_SYNCS_DONE, results.ofRun(nightly).stream()
        .noneMatch(r -> r.result() == Result.PENDING || r.result() == Result.STARTED));
  }

  /** Writes what became of a preview, and logs it, when that changed. */
  private void note(NightlySyncResult before, Result result, String syncRun, String detail) {
    if (before.result() == result && Objects.equals(before.detail(), detail)) {
      return;
    }
    results.update(before.nightlyRun(), before.site(), result, syncRun, detail);
    switch (result) {
      case STARTED -> log.info("PREVIEW-003 Nightly sync {}: started preview-sync {} of {}", before.nightlyRun(),
          syncRun, before.site());
      case SKIPPED -> log.info("PREVIEW-002 Nightly sync {}: {} skipped: {}", before.nightlyRun(), before.site(),
          detail);
      case PENDING -> log.info("PREVIEW-004 Nightly sync {}: {} {}", before.nightlyRun(), before.site(), detail);
      default -> log.info("PREVIEW-006 Nightly sync {}: {} {}: {}", before.nightlyRun(), before.site(), result,
          detail);
    }
  }

  /** Why preview-sync would refuse the site whatever runs: it is gone, or no longer a preview. */
  private static Optional<String> notAPreview(String name, Site site) {
    if (site == null) {
      return Optional.of("site " + name + " is no longer registered");
    }
    if (site.state() != SiteState.PREVIEW) {
      return Optional.of("site " + name + " is " + site.state() + ", no longer PREVIEW");
    }
    return Optional.empty();
  }

  /** The run holding {@code site}, and what it waits for if it cannot go on by itself. */
  private Optional<Busy> busy(String site) {
    return lock.holder(site).map(run -> new Busy(site, run, lock.refusal(site).orElse("Site " + site + " is busy."),
        syncs.waiting(run).orElse(null)));
  }

  /**
   * @param refusal the message a start on the site would be refused with
   * @param waiting what the holding run waits for, null while it works
   */
  private record Busy(String site, String run, String refusal, String waiting) {

    boolean waitsForSomeone() {
      return waiting != null;
    }

    String waitingFor() {
      return "waits for run " + run + ", which works on site " + site;
    }
  }
}

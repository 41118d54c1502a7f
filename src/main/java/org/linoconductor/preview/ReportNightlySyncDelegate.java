package org.linoconductor.preview;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The end of a nightly run: which previews synced, failed or were skipped, as variables for Cockpit
 * and as log lines with stable codes, and as {@link NightlySyncEnded} for the metrics and the operators'
 * mail ({@code notify.NightlySyncMail}). A failed sync also has its decision task for the operators.
 */
@Component("reportNightlySync")
class ReportNightlySyncDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ReportNightlySyncDelegate.class);

  private final NightlySyncResults results;
  private final ApplicationEventPublisher events;

  ReportNightlySyncDelegate(NightlySyncResults results, ApplicationEventPublisher events) {
    this.results = results;
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String nightly = execution.getProcessInstanceId();
    List<NightlySyncResult> all = results.ofRun(nightly);
    String synced = sites(all, Result.SYNCED);
    String failed = sites(all, Result.FAILED);
    String skipped = sites(all, Result.SKIPPED);
    execution.setVariable(NightlySyncProcess.Variables.SYNCED, synced);
    execution.setVariable(NightlySyncProcess.Variables.FAILED, failed);
    execution.setVariable(NightlySyncProcess.Variables.SKIPPED, skipped);
    log.info("PREVIEW-010 Nightly sync {} done: synced [{}], failed [{}], skipped [{}]", nightly, synced, failed,
        skipped);
    all.stream().filter(r -> r.result() == Result.FAILED).forEach(r -> log.warn(
        "PREVIEW-011 Nightly sync {}: preview {} failed: {}", nightly, r.site(), r.detail()));
    events.publishEvent(new NightlySyncEnded(nightly, all));
  }

  private static String sites(List<NightlySyncResult> all, Result result) {
    return all.stream().filter(r -> r.result() == result).map(NightlySyncResult::site)
        .collect(Collectors.joining(", "));
  }
}

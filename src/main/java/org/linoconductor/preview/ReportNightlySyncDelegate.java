package org.linoconductor.preview;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linoconductor.preview.NightlySyncResult.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.linoconductor.notify.Mail;
import org.linoconductor.security.ConductorGroups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The end of a nightly run: which previews synced, failed or were skipped, as variables for Cockpit
 * and as log lines with stable codes. A failed sync already has its decision task for the operators;
 * they are also mailed (when mail is configured), since nobody watches Tasklist at night.
 */
@Component("reportNightlySync")
class ReportNightlySyncDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(ReportNightlySyncDelegate.class);

  private final NightlySyncResults results;
  private final Mail mail;
  private final ApplicationEventPublisher events;

  ReportNightlySyncDelegate(NightlySyncResults results, Mail mail, ApplicationEventPublisher events) {
    this.results = results;
    this.mail = mail;
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
    events.publishEvent(new NightlySyncEnded(nightly, all));
    List<NightlySyncResult> failures = all.stream().filter(r -> r.result() == Result.FAILED).toList();
    failures.forEach(r -> log.warn("PREVIEW-011 Nightly sync {}: preview {} failed: {}", nightly, r.site(), r.detail()));
    if (!failures.isEmpty()) {
      mail.send(mail.groupAddresses(ConductorGroups.OPERATORS), failureSubject(failures), failureText(nightly, failures));
    }
  }

  static String failureSubject(List<NightlySyncResult> failures) {
    return "Nightly sync: " + failures.size() + " preview" + (failures.size() == 1 ? "" : "s") + " failed";
  }

  static String failureText(String nightly, List<NightlySyncResult> failures) {
    StringBuilder text = new StringBuilder("The nightly sync (run " + nightly + ") could not sync:\n\n");
    failures.forEach(r -> text.append("- ").append(r.site()).append(": ").append(r.detail()).append('\n'));
    return text.append("\nEach failed sync waits for a decision in Tasklist (retry or abort); /runs shows its")
        .append(" steps and logs.\n").toString();
  }

  private static String sites(List<NightlySyncResult> all, Result result) {
    return all.stream().filter(r -> r.result() == result).map(NightlySyncResult::site)
        .collect(Collectors.joining(", "));
  }
}

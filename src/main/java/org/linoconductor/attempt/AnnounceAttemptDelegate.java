package org.linoconductor.attempt;

import org.linoconductor.notify.Mail;

import java.time.ZoneId;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${announceAttempt}}: writes the announcement into the variable {@code announcement} and
 * the log, and mails it to the contacts and testers of both sites when mail is configured
 * ({@link Mail}); the variable {@code announcementMailed} says whether it was sent.
 */
@Component("announceAttempt")
class AnnounceAttemptDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(AnnounceAttemptDelegate.class);

  static final String MAILED = "announcementMailed";

  private final RunIdentities runs;
  private final SiteRegistry sites;
  private final Mail mail;

  AnnounceAttemptDelegate(RunIdentities runs, SiteRegistry sites, Mail mail) {
    this.runs = runs;
    this.sites = sites;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RunIdentity run = runs.of(execution);
    Site preview = sites.require(run.site());
    Site production = sites.require(run.requireProductionSite());
    String releaseNotes = preview.releaseNotesUrl() != null ? preview.releaseNotesUrl() : production.releaseNotesUrl();
    var start = AttemptSchedule.startAt(run);
    String text = AttemptAnnouncement.text(production.name(), preview.name(), start, AttemptSchedule.duration(run),
        releaseNotes, AttemptStartListener.siteUrl(production, preview), AttemptSchedule.timeoutDecision(run),
        ZoneId.systemDefault());
    execution.setVariable(Variables.ANNOUNCEMENT, text);
    String subject = AttemptAnnouncement.subject(production.name(), start, ZoneId.systemDefault());
    log.info("ATTEMPT-001 {} (run {}):\n{}", subject, execution.getProcessInstanceId(), text);
    List<String> users = AttemptSites.people(production, preview);
    execution.setVariable(MAILED, mail.send(mail.addresses(users), subject, text));
  }
}

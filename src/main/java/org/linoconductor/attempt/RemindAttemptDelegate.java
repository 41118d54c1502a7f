package org.linoconductor.attempt;

import org.linoconductor.notify.Mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${remindAttempt}}: shortly before the start ({@code conductor.attempt.reminder-before},
 * default 15 minutes), the announcement again as a reminder, logged and mailed like it; nothing when
 * the start was so near that the announcement itself is the reminder.
 */
@Component("remindAttempt")
class RemindAttemptDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RemindAttemptDelegate.class);

  private final RunIdentities runs;
  private final AttemptSchedule schedule;
  private final SiteRegistry sites;
  private final Mail mail;

  RemindAttemptDelegate(RunIdentities runs, AttemptSchedule schedule, SiteRegistry sites, Mail mail) {
    this.runs = runs;
    this.schedule = schedule;
    this.sites = sites;
    this.mail = mail;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RunIdentity run = runs.of(execution);
    if (!schedule.reminderNeeded(run)) {
      execution.setVariable(Variables.REMINDER, "");
      return;
    }
    Instant start = AttemptSchedule.startAt(run);
    String text = AttemptAnnouncement.reminder((String) execution.getVariable(Variables.ANNOUNCEMENT),
        Duration.between(ClockUtil.getCurrentTime().toInstant(), start));
    execution.setVariable(Variables.REMINDER, text);
    Site preview = sites.require(run.site());
    Site production = sites.require(run.requireProductionSite());
    String subject = "Reminder: upgrade attempt of " + production.name() + " soon";
    log.info("ATTEMPT-006 {} (run {})", subject, execution.getProcessInstanceId());
    List<String> users = AttemptSites.people(production, preview);
    mail.send(mail.addresses(users), subject, text);
  }
}

package org.linoconductor.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A task that has waited for a decision longer than {@code conductor.notify.decision-waiting-after}
 * (a failed step, a sign-off, a review: the site may be stopped meanwhile) is mailed about once, to the
 * operators and, when the task is theirs to decide (a sign-off), to the site's contact. That it was
 * mailed is kept on the task (a local variable), so a restart mails no one twice.
 */
@Component
class WaitingDecisionMail {

  /** Task-local variable: when the reminder went out. */
  static final String REMINDED_AT = "conductorRemindedAt";
  private static final Logger log = LoggerFactory.getLogger(WaitingDecisionMail.class);

  private final TaskService tasks;
  private final RunIdentities runs;
  private final SiteRegistry sites;
  private final Mail mail;
  private final Recipients recipients;
  private final NotifyProperties properties;

  WaitingDecisionMail(TaskService tasks, RunIdentities runs, SiteRegistry sites, Mail mail, Recipients recipients,
      NotifyProperties properties) {
    this.tasks = tasks;
    this.runs = runs;
    this.sites = sites;
    this.mail = mail;
    this.recipients = recipients;
    this.properties = properties;
  }

  @Scheduled(fixedDelayString = "${conductor.notify.check-every:PT5M}", initialDelayString = "PT1M")
  void check() {
    remindAsOf(Instant.now());
  }

  /** Mails about every task that, at {@code now}, has waited too long and was not mailed about yet. */
  int remindAsOf(Instant now) {
    Date before = Date.from(now.minus(properties.decisionWaitingAfter()));
    List<Task> waiting = tasks.createTaskQuery().active().taskCreatedBefore(before).list();
    int reminded = 0;
    for (Task task : waiting) {
      if (tasks.getVariableLocal(task.getId(), REMINDED_AT) != null) {
        continue;
      }
      String site = runs.find(task.getProcessInstanceId()).map(RunIdentity::site).orElse(null);
      mail.send(recipients.operatorsAnd(contactIfCandidate(task, site)), subject(task, site, now),
          text(task, site, now));
      tasks.setVariableLocal(task.getId(), REMINDED_AT, Date.from(now));
      log.info("MAIL-010 Task {} ({}) of run {} on site {} has waited since {}: reminded", task.getId(),
          task.getName(), task.getProcessInstanceId(), site, task.getCreateTime().toInstant());
      reminded++;
    }
    return reminded;
  }

  /** The site's contact, when the task is one the contact may decide (a sign-off, an attempt's decision). */
  private List<String> contactIfCandidate(Task task, String site) {
    String contact = site == null ? null : sites.find(site).map(Site::contact).orElse(null);
    if (contact == null) {
      return List.of();
    }
    boolean candidate = tasks.getIdentityLinksForTask(task.getId()).stream()
        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && contact.equals(link.getUserId()))
        || contact.equals(task.getAssignee());
    return candidate ? List.of(contact) : List.of();
  }

  static String subject(Task task, String site, Instant now) {
    return "Waiting for a decision for " + waited(task, now) + ": " + task.getName()
        + (site == null ? "" : " (site " + site + ")");
  }

  private String text(Task task, String site, Instant now) {
    return "The task \"" + task.getName() + "\"" + (site == null ? "" : " of site " + site) + " has waited for a"
        + " decision since " + task.getCreateTime().toInstant() + " (" + waited(task, now) + ").\n\n"
        + "Decide it in Tasklist: " + properties.page("/camunda/app/tasklist/default/#/?task=" + task.getId())
        + "\nor from a terminal: conductor decide " + task.getId() + " …\n"
        + "The run, its steps and logs: " + properties.page("/runs/" + task.getProcessInstanceId()) + "\n";
  }

  private static String waited(Task task, Instant now) {
    Duration waited = Duration.between(task.getCreateTime().toInstant(), now);
    return waited.toHours() > 0 ? waited.toHours() + " h " + waited.toMinutesPart() + " min"
        : waited.toMinutes() + " min";
  }
}

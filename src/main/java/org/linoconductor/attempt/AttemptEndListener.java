package org.linoconductor.attempt;

import org.linoconductor.notify.Mail;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.ProcessProperty;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.RunIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Start listener of the attempt's end events ({@code ${attemptEndListener}}): the message to all,
 * saying how the attempt ended, who decided (or that time was up and the default applied), and
 * where the attempt's data is kept; it is the
 * variable {@code resultMessage}, logged, and mailed like the announcement.
 */
@Component("attemptEndListener")
class AttemptEndListener implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(AttemptEndListener.class);

  private final RunIdentities runs;
  private final SiteRegistry sites;
  private final Mail mail;

  AttemptEndListener(RunIdentities runs, SiteRegistry sites, Mail mail) {
    this.runs = runs;
    this.sites = sites;
    this.mail = mail;
  }

  @Override
  public void notify(DelegateExecution execution) {
    AttemptEnding ending = AttemptEnding.of(
        ProcessProperty.of(execution, execution.getCurrentActivityId(), "outcome").orElse("CANCELLED"),
        (String) execution.getVariable(Variables.DECISION));
    RunIdentity run = runs.of(execution);
    Site preview = sites.require(run.site());
    Site production = sites.require(run.requireProductionSite());
    String text = AttemptAnnouncement.result(ending, production.name(), preview.name(),
        (String) execution.getVariable(Variables.DECIDED_BY), (String) execution.getVariable(Variables.DECISION_COMMENT),
        (String) execution.getVariable(Variables.ATTEMPT_SNAPSHOT));
    execution.setVariable(Variables.RESULT_MESSAGE, text);
    String subject = AttemptAnnouncement.resultSubject(ending, production.name());
    log.info("ATTEMPT-005 {} (run {}): {}", subject, execution.getProcessInstanceId(), text);
    List<String> users = AttemptSites.people(production, preview);
    mail.send(mail.addresses(users), subject, text);
  }
}

package org.linoconductor.attempt;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${announceAttempt}}: writes the announcement into the variable {@code announcement} and
 * the log. Mail is not sent yet: the log line is the announcement an operator forwards.
 */
@Component("announceAttempt")
class AnnounceAttemptDelegate implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(AnnounceAttemptDelegate.class);

  private final SiteRegistry sites;

  AnnounceAttemptDelegate(SiteRegistry sites) {
    this.sites = sites;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Site preview = sites.require((String) execution.getVariable(StepVariables.SITE));
    Site production = sites.require((String) execution.getVariable(Variables.PRODUCTION_SITE));
    String releaseNotes = preview.releaseNotesUrl() != null ? preview.releaseNotesUrl() : production.releaseNotesUrl();
    var start = ((Date) execution.getVariable(Variables.START_AT_DATE)).toInstant();
    String text = AttemptAnnouncement.text(production.name(), preview.name(), start,
        Duration.parse((String) execution.getVariable(Variables.DURATION)), releaseNotes,
        (String) execution.getVariable(Variables.SITE_URL), ZoneId.systemDefault());
    execution.setVariable(Variables.ANNOUNCEMENT, text);
    log.info("ATTEMPT-001 {} (run {}); no mail configured, announce it yourself to the users and testers"
        + " of {}:\n{}", AttemptAnnouncement.subject(production.name(), start, ZoneId.systemDefault()),
        execution.getProcessInstanceId(), production.name(), text);
  }
}

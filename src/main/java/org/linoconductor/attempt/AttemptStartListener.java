package org.linoconductor.attempt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunRefusedException;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Start listener of upgrade-attempt ({@code ${attemptStartListener}}, after the site and production
 * listeners, which lock both sites for the attempt): checks {@code duration}, {@code startAt} and
 * {@code timeoutDecision} (never accept on a site with the four-eyes rule), refusing the start with a
 * clear message; sets {@code startAtDate} (for the timer), the time-out decision that applies and
 * {@code siteUrl} (for the form).
 */
@Component("attemptStartListener")
class AttemptStartListener implements ExecutionListener {

  private final SiteRegistry sites;
  private final AttemptProperties properties;

  AttemptStartListener(SiteRegistry sites, AttemptProperties properties) {
    this.sites = sites;
    this.properties = properties;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String production = (String) execution.getVariable(Variables.PRODUCTION_SITE);
    Site preview = sites.require((String) execution.getVariable(StepVariables.SITE));
    execution.setVariable(Variables.DURATION, duration(execution.getVariable(Variables.DURATION)).toString());
    execution.setVariable(Variables.TIMEOUT_DECISION,
        timeoutDecision(execution.getVariable(Variables.TIMEOUT_DECISION), preview).value());
    Instant start = startAt(execution.getVariable(Variables.START_AT));
    execution.setVariable(Variables.START_AT_DATE, Date.from(start));
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Instant reminder = start.minus(properties.reminderBefore());
    execution.setVariable(Variables.REMINDER_NEEDED, reminder.isAfter(now));
    execution.setVariable(Variables.REMINDER_AT_DATE, Date.from(reminder.isAfter(now) ? reminder : now));
    String url = sites.find(production).map(Site::url).orElse(null);
    execution.setVariable(Variables.SITE_URL, url != null ? url : preview.url() != null ? preview.url() : "");
  }

  /**
   * What the attempt ends with when nobody decides: the start variable, else the configured default;
   * never accept on a site with the four-eyes rule, where that would mean nobody signed it off.
   */
  private TimeoutDecision timeoutDecision(Object startVariable, Site site) {
    TimeoutDecision decision = TimeoutDecision.of(startVariable,
        site.fourEyes() ? TimeoutDecision.CANCEL : properties.timeoutDecision());
    if (site.fourEyes() && decision == TimeoutDecision.ACCEPT) {
      throw new RunRefusedException("Start variable '" + Variables.TIMEOUT_DECISION + "' is '" + startVariable
          + "', but site " + site.name() + " has the four-eyes rule: an attempt nobody decided would become"
          + " production with nobody signing it off. Write cancel or leave it empty.");
    }
    return decision;
  }

  /** The attempt's length: blank = {@value UpgradeAttemptProcess#DEFAULT_DURATION}; positive ISO-8601. */
  static Duration duration(Object value) {
    String text = value == null || value.toString().isBlank() ? UpgradeAttemptProcess.DEFAULT_DURATION
        : value.toString().trim();
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new RunRefusedException("Start variable '" + Variables.DURATION + "' is '" + text
          + "', which is no ISO-8601 duration: write e.g. PT1H (one hour), PT90M or PT2H30M.");
    }
    if (duration.isZero() || duration.isNegative()) {
      throw new RunRefusedException("Start variable '" + Variables.DURATION + "' is '" + text
          + "': an attempt must last some time, e.g. PT1H.");
    }
    return duration;
  }

  /** When the attempt starts: blank = now; an ISO date-time with or without offset (then local time). */
  static Instant startAt(Object value) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (value == null || value.toString().isBlank()) {
      return now;
    }
    String text = value.toString().trim();
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
      } catch (DateTimeParseException again) {
        throw new RunRefusedException("Start variable '" + Variables.START_AT + "' is '" + text
            + "', which is no ISO date-time: write e.g. 2026-12-01T18:00 (local time) or"
            + " 2026-12-01T18:00+01:00, or leave it empty to start now.");
      }
    }
  }
}

package org.linoconductor.attempt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.linoconductor.attempt.UpgradeAttemptProcess.Decisions;
import org.linoconductor.attempt.UpgradeAttemptProcess.Forms;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.input.FormField;
import org.linoconductor.input.Shown;
import org.linoconductor.input.TaskForm;
import org.linoconductor.input.TaskForms;
import org.linoconductor.preview.PreviewSites;
import org.linoconductor.site.Site;
import org.linoconductor.step.RunRefusedException;
import org.linoconductor.step.StartParameters;
import org.linoconductor.step.StartVariables;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * What upgrade-attempt takes from its users. At the start, besides site (the preview) and dryRun:
 * {@code startAt}, {@code duration} and {@code timeoutDecision}, checked within bounds and recorded as
 * the run's timers and decisions read them (the start as an ISO instant, the duration as ISO-8601, the
 * time-out decision that applies: never accept on a site with the four-eyes rule); the production
 * site the preview replaces comes from table preview_site. In its form, accept or cancel.
 */
@Component
class UpgradeAttemptInputs implements StartParameters, TaskForms {

  /**
   * The longest attempt: production is served by the preview meanwhile, and longer means accepting it.
   * Far below the 2^31 hours that overflow the engine's timer, which then fired at once.
   */
  static final Duration MAX_DURATION = Duration.ofDays(7);
  /** A start this far in the past is taken as now (the minute it took to type it); earlier is a mistake. */
  static final Duration PAST_TOLERANCE = Duration.ofMinutes(15);
  /** The latest agreed start: a year ahead. */
  static final Duration MAX_AHEAD = Duration.ofDays(366);
  private static final int MAX_TEXT = 64;

  private final PreviewSites previews;
  private final AttemptProperties properties;

  UpgradeAttemptInputs(PreviewSites previews, AttemptProperties properties) {
    this.previews = previews;
    this.properties = properties;
  }

  @Override
  public String processKey() {
    return UpgradeAttemptProcess.KEY;
  }

  @Override
  public Set<String> names() {
    return Set.of(Variables.START_AT, Variables.DURATION, Variables.TIMEOUT_DECISION);
  }

  @Override
  public Optional<String> productionSite(Site preview) {
    return Optional.of(previews.requireProductionOf(preview.name()));
  }

  @Override
  public Map<String, String> check(StartVariables variables, Site preview) {
    return Map.of(
        Variables.DURATION, duration(variables.text(Variables.DURATION, MAX_TEXT, "PT1H")).toString(),
        Variables.START_AT, startAt(variables).toString(),
        Variables.TIMEOUT_DECISION, timeoutDecision(variables, preview).value());
  }

  @Override
  public List<TaskForm> forms() {
    return List.of(TaskForm.of(Forms.DECIDE_ATTEMPT,
        FormField.choice(Variables.DECISION, Decisions.ACCEPT, Decisions.CANCEL).mandatory(),
        FormField.text(StepVariables.COMMENT, FormField.COMMENT_MAX_LENGTH)));
  }

  /** The attempt's length: empty = {@value UpgradeAttemptProcess#DEFAULT_DURATION}; ISO-8601, positive, <= 7 days. */
  static Duration duration(Optional<String> value) {
    String text = value.orElse(UpgradeAttemptProcess.DEFAULT_DURATION);
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new RunRefusedException("Start variable '" + Variables.DURATION + "' is '" + Shown.value(text)
          + "', which is no ISO-8601 duration: write e.g. PT1H (one hour), PT90M or PT2H30M.");
    }
    if (duration.isZero() || duration.isNegative() || duration.compareTo(MAX_DURATION) > 0) {
      throw new RunRefusedException("Start variable '" + Variables.DURATION + "' is '" + Shown.value(text)
          + "': an attempt lasts more than nothing and at most " + MAX_DURATION.toDays() + " days (P7D), e.g. PT1H.");
    }
    return duration;
  }

  /**
   * When the attempt starts: empty = now; an ISO date-time with or without offset (then local time), or a
   * Date; from {@link #PAST_TOLERANCE} ago (taken as now) to {@link #MAX_AHEAD} ahead.
   */
  static Instant startAt(StartVariables variables) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Object raw = variables.raw(Variables.START_AT);
    Instant start = raw instanceof Date date ? date.toInstant()
        : variables.text(Variables.START_AT, MAX_TEXT, "2026-12-01T18:00").map(UpgradeAttemptInputs::parse).orElse(now);
    if (start.isBefore(now.minus(PAST_TOLERANCE)) || start.isAfter(now.plus(MAX_AHEAD))) {
      throw new RunRefusedException("Start variable '" + Variables.START_AT + "' is " + start + ", "
          + (start.isBefore(now) ? "in the past: an attempt never starts by surprise because of a mistyped date."
              : "more than a year ahead.") + " Write a date-time within the next year, e.g. 2026-12-01T18:00, or"
          + " leave it empty to start now.");
    }
    return start.isBefore(now) ? now : start;
  }

  private static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
      } catch (DateTimeParseException again) {
        throw new RunRefusedException("Start variable '" + Variables.START_AT + "' is '" + Shown.value(text)
            + "', which is no ISO date-time: write e.g. 2026-12-01T18:00 (local time) or"
            + " 2026-12-01T18:00+01:00, or leave it empty to start now.");
      }
    }
  }

  /**
   * What the attempt ends with when nobody decides: the start variable, else the configured default;
   * never accept on a site with the four-eyes rule, where that would mean nobody signed it off.
   */
  private TimeoutDecision timeoutDecision(StartVariables variables, Site site) {
    Optional<String> given = variables.text(Variables.TIMEOUT_DECISION, MAX_TEXT, Decisions.CANCEL);
    TimeoutDecision decision = TimeoutDecision.of(given.orElse(null),
        site.fourEyes() ? TimeoutDecision.CANCEL : properties.timeoutDecision());
    if (site.fourEyes() && decision == TimeoutDecision.ACCEPT) {
      throw new RunRefusedException("Start variable '" + Variables.TIMEOUT_DECISION + "' is '" + given.orElse("")
          + "', but site " + site.name() + " has the four-eyes rule: an attempt nobody decided would become"
          + " production with nobody signing it off. Write cancel or leave it empty.");
    }
    return decision;
  }
}

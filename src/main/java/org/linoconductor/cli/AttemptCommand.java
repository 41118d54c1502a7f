package org.linoconductor.cli;

import java.util.Locale;
import java.util.regex.Pattern;
import org.linoconductor.attempt.UpgradeAttemptProcess;
import org.linoconductor.step.StepVariables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "attempt", description = "Makes a preview site production for a while, until its testers accept"
    + " or cancel (process upgrade-attempt).")
final class AttemptCommand extends ClientCommand {

  /** {@code 90m}, {@code 2h}, {@code 1h30m}: written as ISO-8601 ({@code PT1H30M}) for the server. */
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+h)?(\\d+m)?(\\d+s)?", Pattern.CASE_INSENSITIVE);

  @Parameters(paramLabel = "SITE", description = "the preview site")
  String site;

  @Option(names = "--at", paramLabel = "DATETIME",
      description = "the agreed start, e.g. 2026-12-01T18:00 (server's time zone) or with an offset; default now")
  String at;

  @Option(names = "--for", paramLabel = "DURATION", description = "how long, e.g. 2h, 90m or PT1H30M; default 1 h")
  String duration;

  @Option(names = "--timeout-decision", paramLabel = "accept|cancel",
      description = "what the attempt ends with when nobody decides in time; default: the server's setting")
  String timeoutDecision;

  @Mixin
  FollowOption follow;

  @Override
  public Integer call() throws InterruptedException {
    return new RunStart(UpgradeAttemptProcess.KEY).text(StepVariables.SITE, site)
        .text(UpgradeAttemptProcess.Variables.START_AT, at)
        .text(UpgradeAttemptProcess.Variables.DURATION, iso(duration))
        .text(UpgradeAttemptProcess.Variables.TIMEOUT_DECISION, timeoutDecision).start(this, follow.follow);
  }

  static String iso(String duration) {
    if (duration == null || duration.isBlank() || !SHORT_DURATION.matcher(duration.strip()).matches()) {
      return duration; // ISO-8601 already, or wrong: the server says how to write it
    }
    return "PT" + duration.strip().toUpperCase(Locale.ROOT);
  }
}

package org.linoconductor.upgrade;

import org.linoconductor.lino.ManagePy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.linoconductor.shell.LineMatcher;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code pm checkdata -f}. Problems found are reported, not a failure: the command exits
 * 0 with them and has fixed what it could; the operator reads the counts when signing off.
 */
@Component
class CheckDataStep implements Step {

  private static final String DONE = "done";
  private static final Pattern DONE_LINE = Pattern.compile("Done (\\d+) checks, found (\\d+) and fixed (\\d+) problems");

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.CHECK_DATA;
  }

  @Override
  public boolean changesSite() {
    return true; // -f fixes (deletes) what it can
  }

  @Override
  public StepOutcome execute(StepContext context) {
    var result = context.run(ManagePy.argv(context.site(), "checkdata", "-f"), new LineMatcher(DONE, DONE_LINE, 0));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: checkdata not run");
    }
    if (!result.succeeded()) {
      return StepOutcome.fromExit(result, "manage.py checkdata -f");
    }
    Matcher done = result.fact(DONE).stream().map(DONE_LINE::matcher).filter(Matcher::find).findFirst().orElse(null);
    if (done == null) {
      return StepOutcome.failed("manage.py checkdata -f ended without \"Done N checks, found X and fixed Y"
          + " problems\": it did not finish its checks. See the log " + result.logFile());
    }
    int found = Integer.parseInt(done.group(2));
    int fixed = Integer.parseInt(done.group(3));
    return StepOutcome.succeeded("checkdata: " + done.group(1) + " checks, found " + found + ", fixed " + fixed
            + (found > fixed ? " (" + (found - fixed) + " left: see the log " + result.logFile() + ")" : ""),
        Map.of(Variables.CHECKDATA_FOUND, found, Variables.CHECKDATA_FIXED, fixed));
  }
}

package org.linoconductor.upgrade;

import org.linoconductor.lino.ManagePy;

import org.linoconductor.shell.LineMatcher;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.stereotype.Component;

/** The seed's {@code pm collectstatic}: static files come with the code, so only after a code change. */
@Component
class CollectStaticStep implements Step {

  private static final String COPIED = "copied";

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.COLLECT_STATIC;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return collect(context, "--noinput");
  }

  static StepOutcome collect(StepContext context, String... options) {
    if (!Changes.mayHaveChanged(context, Variables.CODE_CHANGED)) {
      return StepOutcome.skipped("collectstatic skipped: pull.sh changed no code, so no static file changed");
    }
    String[] args = new String[options.length + 1];
    args[0] = "collectstatic";
    System.arraycopy(options, 0, args, 1, options.length);
    var result = context.run(ManagePy.argv(context.site(), args), LineMatcher.of(COPIED, "\\d+ static files? copied"));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: collectstatic not run");
    }
    if (!result.succeeded()) {
      return StepOutcome.fromExit(result, "manage.py collectstatic");
    }
    return StepOutcome.succeeded("collectstatic: " + result.fact(COPIED).stream().findFirst()
        .orElse("ended with exit status 0 (no count printed)"));
  }
}

package org.linoconductor.upgrade;

import org.linoconductor.lino.ManagePy;

import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The seed's {@code python manage.py install}: new Python dependencies of the site's plugins. */
@Component
class InstallRequirementsStep implements Step {

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.INSTALL_REQUIREMENTS;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    // --noinput: it would otherwise ask before installing, and no one answers
    var result = context.run(ManagePy.argv(context.site(), "install", "--noinput"));
    return StepOutcome.fromExit(result, "manage.py install");
  }
}

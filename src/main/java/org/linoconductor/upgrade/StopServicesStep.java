package org.linoconductor.upgrade;

import org.linoconductor.site.ServiceCommands;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The seed's "stop any services that might want to write to the database" (apache2, supervisor, cron). */
@Component
class StopServicesStep implements Step {

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.STOP_SERVICES;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    ServiceCommands services = context.site().serviceCommands();
    if (services == null || ServiceCalls.orEmpty(services.stop()).isEmpty()) {
      return StepOutcome.failed("Site " + context.site().name() + " has no stop commands: register them, then retry.");
    }
    return ServiceCalls.runAll(context, "Stopped", services.stop());
  }
}

package org.linoconductor.upgrade;

import java.util.ArrayList;
import java.util.List;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's "start the web server and supervisor", and the nginx restart that comes with it: after
 * collectstatic the front web server must drop its cached static files.
 */
@Component
class StartServicesStep implements Step {

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.START_SERVICES;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    ServiceCommands services = context.site().serviceCommands();
    if (services == null || ServiceCalls.orEmpty(services.start()).isEmpty()) {
      return StepOutcome.failed("Site " + context.site().name() + " has no start commands: register them,"
          + " then retry (the site stays down until its services are started).");
    }
    List<List<String>> commands = new ArrayList<>(services.start());
    commands.addAll(ServiceCalls.orEmpty(services.restartWeb()));
    return ServiceCalls.runAll(context, "Started", commands);
  }
}

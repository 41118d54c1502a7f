package org.linoconductor.agent;

import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.linoconductor.step.ExternalServiceTasks;
import org.linoconductor.step.StepVariables;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Engine plugin: when a step of a run on a host (its tenant) is reached while no agent of that host is
 * connected, or none runs that step, the run gets variable {@value StepVariables#WAITING_FOR} saying so
 * ("waiting for the agent on host h1, last seen …"), where Cockpit shows it; step.AgentSteps removes it
 * when an agent starts the step.
 */
@Component
@Profile("!agent")
class AgentWaitingNote extends AbstractProcessEnginePlugin {

  private final AgentPresence presence;

  AgentWaitingNote(AgentPresence presence) {
    this.presence = presence;
  }

  private ExecutionListener noteFor(String topic) {
    return execution -> {
      String host = execution.getTenantId();
      if (host != null && topic != null) {
        presence.waiting(host, List.of(topic))
            .ifPresent(waiting -> execution.setVariable(StepVariables.WAITING_FOR, waiting));
      }
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExternalServiceTasks.onStart(configuration, this::noteFor);
  }
}

package org.linoconductor.agent;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
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
      if (host != null) {
        presence.waiting(host, List.of(topic))
            .ifPresent(waiting -> execution.setVariable(StepVariables.WAITING_FOR, waiting));
      }
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String topic = serviceTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "topic");
        if (activity.getActivityBehavior() instanceof ExternalTaskActivityBehavior && topic != null) {
          activity.addListener(ExecutionListener.EVENTNAME_START, noteFor(topic));
        }
      }
    });
  }
}

package org.linoconductor.step;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import java.util.ArrayList;

/**
 * Engine plugin (picked up by the starter as a bean): every external service task, when entered,
 * rings {@link StepWakeUp} once its transaction has committed, i.e. once the task can be fetched.
 */
@Component
class ExternalTaskStartSignal extends AbstractProcessEnginePlugin {

  private final StepWakeUp wakeUp;

  ExternalTaskStartSignal(StepWakeUp wakeUp) {
    this.wakeUp = wakeUp;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    ExecutionListener ringAfterCommit = execution -> Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, commandContext -> wakeUp.ring());
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof ExternalTaskActivityBehavior) {
          activity.addListener(ExecutionListener.EVENTNAME_START, ringAfterCommit);
        }
      }
    });
  }
}

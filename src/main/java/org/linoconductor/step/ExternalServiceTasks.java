package org.linoconductor.step;

import java.util.ArrayList;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.ExternalTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** For engine plugins: a listener on the start of every external service task (every step) of every diagram. */
public final class ExternalServiceTasks {

  private ExternalServiceTasks() {}

  /**
   * Adds to each external service task, as its diagrams are parsed, the start listener {@code listener}
   * makes for its topic (the topic as the diagram writes it: null, or an expression, when it is not fixed).
   */
  public static void onStart(ProcessEngineConfigurationImpl configuration,
      Function<String, ExecutionListener> listener) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseServiceTask(Element serviceTaskElement, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof ExternalTaskActivityBehavior) {
          String topic = serviceTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "topic");
          activity.addListener(ExecutionListener.EVENTNAME_START, listener.apply(topic));
        }
      }
    });
  }
}

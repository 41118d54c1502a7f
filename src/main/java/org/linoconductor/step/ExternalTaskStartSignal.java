package org.linoconductor.step;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Engine plugin (picked up by the starter as a bean): every external service task, when entered,
 * rings {@link StepWakeUp} with its topic once its transaction has committed, i.e. once the task can
 * be fetched.
 */
@Component
class ExternalTaskStartSignal extends AbstractProcessEnginePlugin {

  private final StepWakeUp wakeUp;

  ExternalTaskStartSignal(StepWakeUp wakeUp) {
    this.wakeUp = wakeUp;
  }

  /** Rings for the task's topic as the diagram names it; for a topic given by an expression, for any. */
  private ExecutionListener ringAfterCommit(String topic) {
    String rung = topic == null || topic.contains("${") || topic.contains("#{") ? StepWakeUp.ANY_TOPIC : topic;
    return execution -> Context.getCommandContext().getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, commandContext -> wakeUp.ring(rung));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExternalServiceTasks.onStart(configuration, this::ringAfterCommit);
  }
}

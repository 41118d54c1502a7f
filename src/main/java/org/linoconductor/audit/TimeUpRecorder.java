package org.linoconductor.audit;

import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * Take listener on the flow out of a timer that interrupts a user task ({@code ${timeUpRecorder}},
 * after the flow's listeners that set the default decision): nobody completed the task in time,
 * so the record gets the decision the default made, by nobody, saying so. The choice is read as
 * {@link DecisionRecorder} reads it, through the task's property {@code decision}.
 */
@Component("timeUpRecorder")
class TimeUpRecorder implements ExecutionListener {

  static final String WHY = "Time is up: nobody decided, so the default decision applies.";

  private final AuditRecords records;

  TimeUpRecorder(AuditRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateExecution execution) {
    SequenceFlow flow = (SequenceFlow) execution.getBpmnModelElementInstance();
    Activity task = ((BoundaryEvent) flow.getSource()).getAttachedTo();
    String choice = DecisionRecorder.valuesNamedBy(task, DecisionRecorder.DECISION, execution);
    records.decided(execution.getProcessInstanceId(), task.getId(), task.getName(), null, choice, null, WHY,
        Instant.now());
  }
}

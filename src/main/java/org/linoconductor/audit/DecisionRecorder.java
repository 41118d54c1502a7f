package org.linoconductor.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.linoconductor.step.ProcessProperty;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Task listener on complete ({@code ${decisionRecorder}}): who decided what, when, with which
 * comment. The user task names the variable holding its choice with the property {@code decision},
 * and may name variables that say what the decider saw (e.g. {@code timeLeft}) with the property
 * {@code decisionContext}, comma-separated; a listener before this one sets them.
 * The comment is taken out of the process variables once recorded, so that the next decision of
 * the run never shows an earlier one's comment.
 */
@Component("decisionRecorder")
class DecisionRecorder implements TaskListener {

  /** User-task property: the variable that holds the decision (e.g. action, siteWorks). */
  static final String DECISION = "decision";
  /** User-task property: variables recorded with the decision, comma-separated (e.g. timeLeft). */
  static final String CONTEXT = "decisionContext";

  private final AuditRecords records;
  private final IdentityService identity;

  DecisionRecorder(AuditRecords records, IdentityService identity) {
    this.records = records;
    this.identity = identity;
  }

  @Override
  public void notify(DelegateTask task) {
    UserTask element = task.getBpmnModelElementInstance();
    String choice = valuesNamedBy(element, DECISION, task);
    String context = valuesNamedBy(element, CONTEXT, task);
    Object comment = task.getVariable(StepVariables.COMMENT);
    records.decided(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(),
        Decider.of(identity, task), choice, context, comment == null ? null : comment.toString(), Instant.now());
    task.getExecution().removeVariable(StepVariables.COMMENT);
  }

  /**
   * "name=value" of each variable the element's {@code property} names (comma-separated), joined
   * with ", "; null when the element has no such property.
   */
  static String valuesNamedBy(BaseElement element, String property, VariableScope variables) {
    return Optional.ofNullable(element).flatMap(e -> ProcessProperty.of(e, property))
        .map(names -> Arrays.stream(names.split(",")).map(String::trim)
            .map(variable -> variable + "=" + variables.getVariable(variable)).collect(Collectors.joining(", ")))
        .orElse(null);
  }
}

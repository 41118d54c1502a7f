package org.linoconductor.step;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A {@code camunda:property} of a diagram element: rules that belong to a process (the site state
 * it needs, the outcome an end event means) are written in the diagram, where a Modeler user sees them.
 */
public final class ProcessProperty {

  private ProcessProperty() {}

  /** The key of the process the execution runs in (its definition id is "key:version:id"). */
  public static String processKey(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }

  /** The property {@code name} of the element {@code elementId} of the execution's diagram. */
  public static Optional<String> of(DelegateExecution execution, String elementId, String name) {
    if (elementId == null) {
      return Optional.empty();
    }
    BaseElement element = execution.getBpmnModelInstance().getModelElementById(elementId);
    return element == null ? Optional.empty() : of(element, name);
  }

  public static Optional<String> of(BaseElement element, String name) {
    ExtensionElements extensions = element.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> name.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}

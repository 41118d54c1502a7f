package org.linoconductor.step;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Whether the diagram catches {@link StepErrors#STEP_FAILED} thrown at an activity (a boundary event
 * on it or on a subprocess around it, or an error event subprocess). Camunda ends the execution
 * silently on an uncaught BPMN error, so a failed step where nothing catches it becomes an incident.
 */
@Component
class StepFailedCatch {

  private final RepositoryService repository;
  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  StepFailedCatch(RepositoryService repository) {
    this.repository = repository;
  }

  boolean caught(String processDefinitionId, String activityId) {
    return known.computeIfAbsent(processDefinitionId + "/" + activityId,
        key -> caughtIn(repository.getBpmnModelInstance(processDefinitionId), activityId));
  }

  private static boolean caughtIn(BpmnModelInstance model, String activityId) {
    for (ModelElementInstance scope = model.getModelElementById(activityId); scope != null;
        scope = scope.getParentElement()) {
      if (scope instanceof Activity activity && model.getModelElementsByType(BoundaryEvent.class).stream()
          .anyMatch(b -> b.getAttachedTo() == activity && catches(b.getEventDefinitions()))) {
        return true;
      }
      if (scope.getChildElementsByType(SubProcess.class).stream().filter(SubProcess::triggeredByEvent)
          .flatMap(sub -> sub.getChildElementsByType(StartEvent.class).stream())
          .anyMatch(start -> catches(start.getEventDefinitions()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean catches(java.util.Collection<EventDefinition> definitions) {
    return definitions.stream().anyMatch(d -> d instanceof ErrorEventDefinition error
        && (error.getError() == null || StepErrors.STEP_FAILED.equals(error.getError().getErrorCode())));
  }
}

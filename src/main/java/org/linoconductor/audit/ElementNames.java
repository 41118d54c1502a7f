package org.linoconductor.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The readable names of a process's elements ("Upgrade succeeded" for {@code UpgradeSucceeded}), as the
 * diagrams in {@code processes/} give them: what a person reads on the run pages instead of ids. Read
 * from the classpath, as deployed, without asking the engine (whose authorization a tester's page
 * would need for it).
 */
@Component
class ElementNames {

  private final Map<String, Map<String, String>> byProcess = new ConcurrentHashMap<>();

  /** Element id to name for this process key; empty for a process that is not among ours. */
  Map<String, String> of(String processKey) {
    return byProcess.computeIfAbsent(processKey, ElementNames::read);
  }

  private static Map<String, String> read(String processKey) {
    ClassPathResource diagram = new ClassPathResource("processes/" + processKey + ".bpmn");
    if (processKey.contains("/") || !diagram.exists()) {
      return Map.of();
    }
    Map<String, String> names = new HashMap<>();
    try (InputStream in = diagram.getInputStream()) {
      for (FlowElement element : Bpmn.readModelFromStream(in).getModelElementsByType(FlowElement.class)) {
        if (element.getName() != null && !element.getName().isBlank()) {
          names.put(element.getId(), element.getName().replaceAll("\\s+", " ").strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(names);
  }
}

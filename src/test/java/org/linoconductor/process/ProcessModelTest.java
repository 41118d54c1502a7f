package org.linoconductor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.linoconductor.archive.ArchiveSiteProcess;
import org.linoconductor.attempt.UpgradeAttemptProcess;
import org.linoconductor.preview.NightlySyncProcess;
import org.linoconductor.preview.PreviewSetupProcess;
import org.linoconductor.preview.PreviewSyncProcess;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every BPMN file is made to be opened in Camunda Modeler and matches the Java constants:
 * process id = file name, a shape or edge for every element, a name on every flow node, a history
 * time to live, and every id, topic, message and form a constants class names exists in the diagram.
 */
class ProcessModelTest {

  static Stream<Arguments> processes() {
    return Stream.of(
        Arguments.of("site-snapshot", SiteSnapshotProcess.class),
        Arguments.of("production-upgrade", ProductionUpgradeProcess.class),
        Arguments.of("preview-sync", PreviewSyncProcess.class),
        Arguments.of("nightly-sync", NightlySyncProcess.class),
        Arguments.of("preview-setup", PreviewSetupProcess.class),
        Arguments.of("upgrade-attempt", UpgradeAttemptProcess.class),
        Arguments.of("archive-site", ArchiveSiteProcess.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("processes")
  void the_diagram_is_complete_and_matches_its_constants(String key, Class<?> constants) throws Exception {
    BpmnModelInstance model = read(key);
    Process process = model.getModelElementById(key);
    assertThat(process).as("process id = file name").isNotNull();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();

    List<String> drawn = new ArrayList<>();
    model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
    model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      assertThat(drawn).as("diagram shape of %s", node.getId()).contains(node.getId());
      assertThat(node.getName()).as("name of %s", node.getId()).isNotBlank();
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(drawn).as("diagram edge of %s", flow.getId()).contains(flow.getId());
    }

    List<String> topics = model.getModelElementsByType(ServiceTask.class).stream()
        .map(ServiceTask::getCamundaTopic).toList();
    for (Class<?> nested : constants.getDeclaredClasses()) {
      for (String value : constantValues(nested)) {
        switch (nested.getSimpleName()) {
          case "Elements" -> assertThat(model.<FlowNode>getModelElementById(value)).as("element %s", value).isNotNull();
          case "Topics" -> assertThat(topics).as("topic %s", value).contains(value);
          case "Messages" -> assertThat(model.getModelElementsByType(Message.class)).extracting(Message::getName)
              .as("message %s", value).contains(value);
          case "Forms" -> assertThat(Files.exists(Path.of("processes", value + ".form"))).as("form %s", value).isTrue();
          default -> { }
        }
      }
    }
  }

  private static BpmnModelInstance read(String key) throws IOException {
    try (InputStream in = ProcessModelTest.class.getResourceAsStream("/processes/" + key + ".bpmn")) {
      assertThat(in).as("processes/%s.bpmn on the classpath", key).isNotNull();
      return Bpmn.readModelFromStream(in);
    }
  }

  private static List<String> constantValues(Class<?> holder) throws IllegalAccessException {
    List<String> values = new ArrayList<>();
    for (Field field : holder.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }
}

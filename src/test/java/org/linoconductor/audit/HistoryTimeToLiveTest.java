package org.linoconductor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every process in {@code processes/}, present and future, sets a history time to live: with
 * {@code enforceHistoryTimeToLive} a process without one would not deploy, and Camunda's history
 * cleanup never fails on one. The audit record itself lives in our tables and is never cleaned.
 */
class HistoryTimeToLiveTest {

  static Stream<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      List<Path> bpmn = files.filter(f -> f.getFileName().toString().endsWith(".bpmn")).sorted().toList();
      assertThat(bpmn).as("BPMN files in processes/").isNotEmpty();
      return bpmn.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bpmnFiles")
  void everyProcessInTheFileSetsAHistoryTimeToLive(Path file) {
    for (Process process : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class)) {
      assertThat(process.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s in %s", process.getId(), file)
          .isNotBlank();
    }
  }
}

package org.linoconductor.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.input.FormField.Kind;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The fields each feature declares in Java for a form ({@link TaskForms}) are exactly the input fields
 * of its {@code processes/<key>.form}: same names, kinds, choices, required decisions and text limits;
 * and every user task of every diagram has its form declared, so {@link TaskFormGuard} checks it.
 */
@ConductorProcessTest
class TaskFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired List<TaskForms> declarations;

  @Test
  void everyDeclaredFormMatchesItsFormFile() throws IOException {
    Map<String, TaskForm> forms = declared();
    assertThat(forms).isNotEmpty();
    for (TaskForm form : forms.values()) {
      Path file = Path.of("processes", form.key() + ".form");
      assertThat(file).as("form file of %s", form.key()).exists();
      List<JsonNode> inputs = inputs(JSON.readTree(file.toFile()));
      assertThat(inputs.stream().map(input -> input.get("key").asText()))
          .as("fields of form %s", form.key())
          .containsExactlyInAnyOrderElementsOf(form.fields().stream().map(FormField::name).toList());
      for (JsonNode input : inputs) {
        FormField field = form.field(input.get("key").asText()).orElseThrow();
        String as = form.key() + "." + field.name();
        JsonNode values = input.path("values");
        boolean booleans = values.size() > 0 && values.get(0).get("value").isBoolean();
        switch (input.get("type").asText()) {
          case "checkbox" -> assertThat(field.kind()).as(as).isEqualTo(Kind.FLAG);
          case "radio", "select" -> {
            assertThat(field.kind()).as(as).isEqualTo(booleans ? Kind.FLAG : Kind.CHOICE);
            if (!booleans) {
              List<String> choices = new ArrayList<>();
              values.forEach(value -> choices.add(value.get("value").asText()));
              assertThat(field.values()).as(as).containsExactlyElementsOf(choices);
            }
            assertThat(field.required()).as("%s required", as).isEqualTo(input.path("validate").path("required")
                .asBoolean(false));
          }
          case "textarea", "textfield" -> {
            assertThat(field.kind()).as(as).isEqualTo(Kind.TEXT);
            assertThat(field.maxLength()).as("%s maxLength", as)
                .isEqualTo(input.path("validate").path("maxLength").asInt(-1));
          }
          default -> throw new AssertionError(as + ": an input type the test does not know");
        }
      }
    }
  }

  @Test
  void everyUserTaskHasItsFormDeclared() throws IOException {
    Map<String, TaskForm> forms = declared();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path bpmn : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        try (InputStream in = Files.newInputStream(bpmn)) {
          for (UserTask task : Bpmn.readModelFromStream(in).getModelElementsByType(UserTask.class)) {
            assertThat(forms).as("declared form of %s in %s", task.getId(), bpmn)
                .containsKey(task.getCamundaFormRef());
          }
        }
      }
    }
  }

  private Map<String, TaskForm> declared() {
    return declarations.stream().flatMap(d -> d.forms().stream())
        .collect(Collectors.toMap(TaskForm::key, Function.identity()));
  }

  /** The components a user fills in (those with a key); text components only show variables. */
  private static List<JsonNode> inputs(JsonNode form) {
    List<JsonNode> inputs = new ArrayList<>();
    form.get("components").forEach(component -> {
      if (component.hasNonNull("key")) {
        inputs.add(component);
      }
    });
    return inputs;
  }
}

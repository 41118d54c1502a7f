package org.linoconductor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code decide}'s key=value words typed by the processes' real forms, as the server hands them out. */
class TaskFormTest {

  @Test
  void aYesNoRadioGivesABooleanAndAFreeTextAString() throws IOException {
    Map<String, Object> variables = form("sign-off").variables(List.of("siteWorks=true", "comment=a=b, c"));

    assertThat(variables).containsExactly(
        Map.entry("siteWorks", Map.of("value", true, "type", "Boolean")),
        Map.entry("comment", Map.of("value", "a=b, c", "type", "String")));
  }

  @Test
  void aCheckboxGivesABooleanAndAChoiceMustBeOneOfTheRadiosValues() throws IOException {
    TaskForm failed = form("upgrade-step-failed");

    assertThat(failed.variables(List.of("action=rollback", "keepServicesStopped=no")))
        .containsEntry("action", Map.of("value", "rollback", "type", "String"))
        .containsEntry("keepServicesStopped", Map.of("value", false, "type", "Boolean"));
    assertThat(failed.usage()).isEqualTo("action=retry|rollback|abort keepServicesStopped=true|false comment=…");
    assertThatThrownBy(() -> failed.variables(List.of("action=Rollback")))
        .hasMessage("'Rollback' is not a value of action: write action=retry|rollback|abort");
  }

  @Test
  void unknownMissingRepeatedOrMalformedFieldsAreRefusedBeforeAnythingIsSent() throws IOException {
    TaskForm signOff = form("sign-off");

    assertThatThrownBy(() -> signOff.variables(List.of("siteWorks=true", "site=carla")))
        .isInstanceOf(ClientFailure.class)
        .hasMessage("The form 'sign-off' has no field 'site': it takes siteWorks=true|false comment=…");
    assertThatThrownBy(() -> signOff.variables(List.of("comment=fine")))
        .hasMessage("The form 'sign-off' needs siteWorks=true|false");
    assertThatThrownBy(() -> signOff.variables(List.of("siteWorks=true", "siteWorks=false")))
        .hasMessage("siteWorks is given twice.");
    assertThatThrownBy(() -> signOff.variables(List.of("siteWorks")))
        .hasMessageStartingWith("'siteWorks' is not key=value");
    assertThatThrownBy(() -> signOff.variables(List.of("siteWorks=maybe")))
        .hasMessage("'maybe' is not a value of siteWorks: write siteWorks=true|false");
    assertThat(((ClientFailure) catchFailure(() -> signOff.variables(List.of("comment=x")))).exitStatus())
        .isEqualTo(ExitStatus.USAGE);
  }

  @Test
  void textThatOnlyShowsSomethingIsNoField() throws IOException {
    assertThat(form("step-failed").fields()).extracting(TaskForm.Field::key).containsExactly("action", "comment");
  }

  private static TaskForm form(String name) throws IOException {
    return TaskForm.of(name, JSON.std.anyFrom(Files.readString(Path.of("processes", name + ".form"))));
  }

  private static Throwable catchFailure(Runnable action) {
    try {
      action.run();
    } catch (ClientFailure failure) {
      return failure;
    }
    throw new AssertionError("no failure");
  }
}

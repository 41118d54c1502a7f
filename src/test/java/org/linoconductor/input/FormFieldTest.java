package org.linoconductor.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a field judges a value as Camunda's REST API hands it over: the type named, the value decoded. */
class FormFieldTest {

  private final FormField siteWorks = FormField.flag("siteWorks").mandatory();
  private final FormField action = FormField.choice("action", "retry", "abort").mandatory();
  private final FormField comment = FormField.text("comment", 2000);

  @Test
  void aFlagIsABooleanOnlyAndTheMessageSaysHowToWriteOne() {
    assertThat(siteWorks.problem("sign-off", true, null)).isEmpty();
    assertThat(siteWorks.problem("sign-off", false, "boolean")).isEmpty();
    assertThat(siteWorks.problem("sign-off", "true", "string")).hasValueSatisfying(message -> assertThat(message)
        .contains("Field 'siteWorks' of form sign-off is a Boolean, not String true")
        .contains("{\"siteWorks\": {\"value\": true, \"type\": \"Boolean\"}}"));
    assertThat(siteWorks.problem("sign-off", 1, "integer")).isPresent();
    assertThat(siteWorks.problem("sign-off", null, null)).hasValueSatisfying(message -> assertThat(message)
        .contains("is required"));
  }

  @Test
  void aChoiceIsOneOfItsValues() {
    assertThat(action.problem("step-failed", "retry", null)).isEmpty();
    assertThat(action.problem("step-failed", "rm -rf /", "string")).hasValueSatisfying(message -> assertThat(message)
        .contains("is one of retry, abort"));
  }

  @Test
  void aTextIsBoundedAndNeverEchoedWhole() {
    assertThat(comment.problem("sign-off", "fine", null)).isEmpty();
    assertThat(comment.problem("sign-off", null, null)).isEmpty();
    assertThat(comment.problem("sign-off", "x".repeat(2001), null)).hasValueSatisfying(message -> assertThat(message)
        .contains("holds at most 2000 characters; this one has 2001").doesNotContain("xxxxxxxxxx"));
    assertThat(comment.problem("sign-off", 42L, "long")).isPresent();
  }

  @Test
  void shownValuesAreShortAndHaveNoLineBreaks() {
    assertThat(Shown.value("a\nb")).isEqualTo("a?b");
    assertThat(Shown.value("y".repeat(10_000))).hasSizeLessThan(100).endsWith("(10000 characters)");
  }
}

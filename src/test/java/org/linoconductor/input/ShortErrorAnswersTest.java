package org.linoconductor.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a request sent is shortened where an error message repeats it; the rest of the message stays. */
class ShortErrorAnswersTest {

  @Test
  void longTextsOfTheRequestAreShortenedEverythingElseKept() {
    String value = "y".repeat(500);
    String message = "Cannot convert value '" + value + "' of type 'String' to type 'Integer'";
    assertThat(ShortErrorAnswers.shorten(message, List.of(value))).isEqualTo("Cannot convert value '"
        + "y".repeat(60) + "… (500 characters)' of type 'String' to type 'Integer'");
    String rule = "ENGINE-03051 There was an exception while invoking the TaskListener. Message: 'Four-eyes rule for"
        + " site anna: user olga started this run, so another tester or operator must sign it off.'";
    assertThat(ShortErrorAnswers.shorten(rule, List.of(value))).isEqualTo(rule);
  }
}

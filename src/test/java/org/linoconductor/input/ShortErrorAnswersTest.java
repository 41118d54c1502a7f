package org.linoconductor.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values quoted in an error message, and over-long words, are shortened; the rest of the message stays. */
class ShortErrorAnswersTest {

  @Test
  void longQuotedValuesAndWordsAreShortenedShortOnesKept() {
    String message = "Cannot convert value '" + "y".repeat(500) + "' of type 'String' to type 'Integer'";
    assertThat(ShortErrorAnswers.shorten(message)).isEqualTo("Cannot convert value '" + "y".repeat(60)
        + "… (500 characters)' of type 'String' to type 'Integer'");
    assertThat(ShortErrorAnswers.shorten("No matching process definition with key: " + "k".repeat(300)))
        .startsWith("No matching process definition with key: kkk").endsWith("(300 characters)");
    String path = "Directory /usr/local/lino/lino_local/berta exists already. Choose a name that is free.";
    assertThat(ShortErrorAnswers.shorten(path)).isEqualTo(path);
  }
}

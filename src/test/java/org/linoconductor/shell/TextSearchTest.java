package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextSearchTest {

  @ParameterizedTest(name = "\"{1}\" in \"{0}\" from {2}")
  @CsvSource(delimiter = ';', value = {
      "Loaded 272 objects; Loaded ; 0",
      "x Loaded 272 objects; Loaded ; 1",
      "x Loaded 272 objects; Loaded ; 3",
      "Abandoning with 4 unsaved instances; with ; 0",
      "hunter2 hunter22; hunter22; 0",
      "hunter2; hunter22; 0",
      "abc; abc; -5",
      "abc; abc; 7",
      "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab; aaab; 0",
      "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzq; zq; 2"})
  void finds_what_string_index_of_finds(String text, String wanted, int from) {
    assertThat(new TextSearch(wanted).in(text, from)).isEqualTo(text.indexOf(wanted, from));
  }

  /** Texts made of few chars: the char searched for is often found where the text is not (the fall-back). */
  @Test
  void finds_what_string_index_of_finds_in_random_texts_of_few_chars() {
    Random random = new Random(13);
    for (int round = 0; round < 20_000; round++) {
      String text = randomText(random, random.nextInt(300), "ab\nz");
      String wanted = randomText(random, 1 + random.nextInt(5), "ab\nz");
      int from = random.nextInt(text.length() + 3) - 1;
      assertThat(new TextSearch(wanted).in(text, from))
          .as("\"%s\" in \"%s\" from %d", wanted, text, from).isEqualTo(text.indexOf(wanted, from));
    }
  }

  private static String randomText(Random random, int length, String chars) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(chars.charAt(random.nextInt(chars.length())));
    }
    return text.toString();
  }
}

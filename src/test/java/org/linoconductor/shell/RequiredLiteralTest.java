package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredLiteralTest {

  @ParameterizedTest(name = "{0} begins with \"{1}\"")
  @CsvSource(delimiter = ';', nullValues = "none", value = {
      "Abandoning with (\\d+) unsaved instances; 'Abandoning with '",
      "^Loaded \\d+ objects$; 'Loaded '",
      "Done (\\d+) checks; 'Done '",
      "^Deferred contacts\\.Partner #(\\d+); Deferred contacts.Partner #",
      "abcd*e; abc",
      "abcde?; abcd",
      "abc{2}; none",
      "ab; none",
      "\\d+ static files? copied; none",
      "^[0-9a-f]{40,64}$; none",
      "Loaded|Saved; none",
      "(?i)Loaded; none",
      "Bären; none"})
  void the_text_every_match_begins_with_is_found_only_where_it_is_certain(String regex, String literal) {
    assertThat(RequiredLiteral.of(Pattern.compile(regex))).isEqualTo(literal);
  }
}

package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The old name replaced as a word, and the unified diff the review shows. */
class NameReplacementTest {

  private final NameReplacement anna = new NameReplacement("anna", "berta");

  @Test
  void theNameIsReplacedInPathsHostsModulesAndJoinedNamesButNotInsideWords() {
    assertThat(anna.apply("'NAME': '/usr/local/lino/anna/default.db',")).isEqualTo("'NAME': '/usr/local/lino/berta/default.db',");
    assertThat(anna.apply("ALLOWED_HOSTS = ['anna.example.com']")).isEqualTo("ALLOWED_HOSTS = ['berta.example.com']");
    assertThat(anna.apply("\"anna.settings\" linod_anna anna-uwsgi")).isEqualTo("\"berta.settings\" linod_berta berta-uwsgi");
    assertThat(anna.apply("hanna annabelle anna2 Anna")).isEqualTo("hanna annabelle anna2 Anna");
    assertThat(anna.apply(List.of("supervisorctl", "stop", "linod_anna"))).containsExactly("supervisorctl", "stop", "linod_berta");
  }

  @Test
  void theDiffShowsEachChangedLineWithThreeLinesOfContextInMergedHunks() {
    String old = "a\nb\nanna\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nanna x\nm\n";
    String diff = UnifiedDiff.of("anna/settings.py", "berta/settings.py", old, anna.apply(old));

    assertThat(diff).isEqualTo("""
        --- anna/settings.py
        +++ berta/settings.py
        @@ -1,6 +1,6 @@
         a
         b
        -anna
        +berta
         c
         d
         e
        @@ -11,5 +11,5 @@
         j
         k
         l
        -anna x
        +berta x
         m
        """);
    assertThat(UnifiedDiff.of("a", "b", "same\n", "same\n")).isEmpty();
    String close = "anna\nx\nanna\n";
    assertThat(UnifiedDiff.of("a", "b", close, anna.apply(close))).isEqualTo("--- a\n+++ b\n@@ -1,3 +1,3 @@\n"
        + "-anna\n+berta\n x\n-anna\n+berta\n");
  }

  @Test
  void aLongDiffIsShortenedForTheFormWithANoteWhereTheWholeOneIs() {
    String diff = "-anna line\n+berta line\n".repeat(300);
    String shown = ReplaceNamesStep.forForm(diff, Path.of("/x/berta/.conductor/replacements.diff"));

    assertThat(shown.length()).isLessThanOrEqualTo(ReplaceNamesStep.MAX_FORM_CHARS);
    assertThat(shown).endsWith("(shortened: the whole diff is in /x/berta/.conductor/replacements.diff)\n");
    assertThat(ReplaceNamesStep.forForm("short\n", Path.of("/x"))).isEqualTo("short\n");
  }
}

package org.linoconductor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Text from the server reaches the terminal as text, never as terminal commands. */
class VisibleControlsTest {

  @Test
  void escapeSequencesAndCarriageReturnsAreShownNotObeyed() {
    StringWriter terminal = new StringWriter();
    try (PrintWriter out = new PrintWriter(new VisibleControls(terminal))) {
      out.print("Loaded 225 objects\r\u001b[2K\u001b]0;owned\u0007fake OK\u009b31m\ttab\u007f\n");
    }

    assertThat(terminal.toString()).isEqualTo("Loaded 225 objects^M^[[2K^[]0;owned^Gfake OK?31m\ttab^?\n");
  }

  @Test
  void lettersOfAnyLanguageStay() {
    StringWriter terminal = new StringWriter();
    try (PrintWriter out = new PrintWriter(new VisibleControls(terminal))) {
      out.print("Größe → 21.3.0 ✓ 日本");
    }

    assertThat(terminal.toString()).isEqualTo("Größe → 21.3.0 ✓ 日本");
  }
}

package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ByteTextViewTest {

  @Test
  void on_the_shipped_jdk_the_bytes_are_read_in_place_and_a_change_to_them_is_seen() {
    byte[] bytes = "Loaded 272 objects\n".getBytes(StandardCharsets.ISO_8859_1);
    String text = ByteTextView.of(bytes, bytes.length);
    assertThat(ByteTextView.inPlace()).isTrue();
    assertThat(text).isEqualTo("Loaded 272 objects\n");
    bytes[7] = '3';
    assertThat(text.indexOf("372")).isEqualTo(7);
  }

  @Test
  void a_short_beginning_of_a_long_array_is_copied_so_that_a_search_does_not_run_through_the_rest() {
    byte[] bytes = new byte[1000];
    bytes[0] = 'a';
    bytes[1] = (byte) 0xff;
    String text = ByteTextView.of(bytes, 2);
    assertThat(text).isEqualTo("a\u00ff");
    bytes[0] = 'b';
    assertThat(text).startsWith("a");
  }

  @Test
  void every_byte_is_one_char_of_the_same_value() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    String text = ByteTextView.of(bytes, bytes.length);
    assertThat(text).isEqualTo(new String(bytes, StandardCharsets.ISO_8859_1));
    assertThat(text.indexOf('\u00e9')).isEqualTo(0xe9);
  }
}

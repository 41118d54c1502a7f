package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedactingOutputStreamTest {

  private static final String TEXT = "user=admin pw=hunter22 again:hunter22\nend hunter2";

  @Test
  void a_secret_split_over_any_two_writes_is_masked() throws IOException {
    Redactor redactor = new Redactor(List.of("hunter22"));
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= bytes.length; cut++) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      try (RedactingOutputStream out = redactor.redacting(sink)) {
        out.write(bytes, 0, cut);
        out.flush(); // must not release a secret's beginning
        out.write(bytes, cut, bytes.length - cut);
      }
      assertThat(sink.toString(StandardCharsets.UTF_8))
          .as("cut at %d", cut).isEqualTo("user=admin pw=**** again:****\nend hunter2");
    }
  }

  @Test
  void byte_by_byte_writes_a_secret_at_the_very_end_and_the_longer_of_two_overlapping_secrets_are_handled()
      throws IOException {
    Redactor redactor = new Redactor(List.of("pw", "pw-long", "hunter2"));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (RedactingOutputStream out = redactor.redacting(sink)) {
      for (byte b : "pw-long and pw, then hunter2".getBytes(StandardCharsets.UTF_8)) {
        out.write(b);
      }
    }
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("**** and ****, then ****");
  }

  @Test
  void without_secrets_bytes_pass_unchanged_and_strings_too() throws IOException {
    Redactor redactor = new Redactor(List.of());
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (RedactingOutputStream out = redactor.redacting(sink)) {
      out.write(TEXT.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(TEXT);
    assertThat(new Redactor(List.of("admin")).redact(TEXT)).startsWith("user=**** pw=hunter22");
  }
}

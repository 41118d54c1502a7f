package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.RepeatedTest;
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

  /**
   * Secrets that overlap, share beginnings and ends, in a text of few letters (so that they occur
   * often, next to each other, and nearly), written in writes of any size: the stream masks what one
   * scan from left to right over the whole text masks.
   */
  @RepeatedTest(50)
  void any_writes_mask_what_one_scan_of_the_whole_text_masks() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<String> secrets = new ArrayList<>();
    for (int i = 1 + random.nextInt(4); i > 0; i--) {
      secrets.add(randomText(random, 1 + random.nextInt(random.nextBoolean() ? 3 : 12)));
    }
    byte[] text = randomText(random, random.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
    Redactor redactor = new Redactor(secrets);
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (RedactingOutputStream out = redactor.redacting(sink)) {
      for (int i = 0; i < text.length; ) {
        int n = Math.min(text.length - i, random.nextBoolean() ? random.nextInt(6) : random.nextInt(700));
        out.write(text, i, n);
        i += n;
      }
    }
    assertThat(sink.toString(StandardCharsets.UTF_8)).as("seed %d, secrets %s", seed, secrets)
        .isEqualTo(scanWhole(new String(text, StandardCharsets.UTF_8), secrets));
  }

  @Test
  void a_secret_longer_in_bytes_than_in_characters_is_masked_across_writes_and_wins_over_a_shorter_one()
      throws IOException {
    Redactor redactor = new Redactor(List.of("abcd", "äöüß")); // 4 characters each, "äöüß" is 8 bytes
    byte[] bytes = "x äöüß y".getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut <= bytes.length; cut++) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      try (RedactingOutputStream out = redactor.redacting(sink)) {
        out.write(bytes, 0, cut);
        out.write(bytes, cut, bytes.length - cut);
      }
      assertThat(sink.toString(StandardCharsets.UTF_8)).as("cut at %d", cut).isEqualTo("x **** y");
    }
  }

  /** The reference: at each position the longest secret found there is masked, then the scan goes on behind it. */
  private static String scanWhole(String text, List<String> secrets) {
    List<String> longestFirst = secrets.stream().distinct()
        .sorted((a, b) -> b.getBytes(StandardCharsets.UTF_8).length - a.getBytes(StandardCharsets.UTF_8).length)
        .toList();
    StringBuilder out = new StringBuilder();
    int i = 0;
    scan:
    while (i < text.length()) {
      for (String secret : longestFirst) {
        if (text.startsWith(secret, i)) {
          out.append(Redactor.MASK);
          i += secret.length();
          continue scan;
        }
      }
      out.append(text.charAt(i++));
    }
    return out.toString();
  }

  private static String randomText(Random random, int length) {
    String letters = "aab\nö";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(letters.charAt(random.nextInt(letters.length())));
    }
    return text.toString();
  }
}

package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output path without a process: whatever the chunks the pipe delivers (a line split anywhere, a
 * secret split anywhere, blocks of thousands of lines), the log holds every byte, and the tail and the
 * facts are exactly what reading the output line by line gives.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StepOutputTest {

  private static final int MAX_LINE = 120;
  private static final int TAIL = 7;
  private static final int MAX_FACT_LINES = 5;
  private static final List<LineMatcher> MATCHERS = List.of(
      LineMatcher.of("abandoned", "Abandoning with (\\d+) unsaved", 2),
      LineMatcher.of("loaded", "^Loaded \\d+ objects$"),
      LineMatcher.of("umlaut", "Bären"),
      LineMatcher.of("word", "\\bcut\\b"));

  @TempDir Path dir;

  @RepeatedTest(20)
  void any_chunking_gives_the_log_the_tail_and_the_facts_of_a_line_by_line_reading() throws Exception {
    Random random = new Random();
    long seed = random.nextLong();
    random.setSeed(seed);
    byte[] output = randomOutput(random);

    ShellCommand command = command();
    StepOutput out = StepOutput.open(command, properties(), "");
    LineSplitter splitter = new LineSplitter(out, MAX_LINE);
    for (int i = 0; i < output.length; ) {
      int n = Math.min(output.length - i, random.nextBoolean() ? 1 + random.nextInt(8) : 1 + random.nextInt(5000));
      splitter.write(output, i, n);
      i += n;
    }
    splitter.close();
    String tail = out.tail();
    Map<String, List<String>> facts = out.facts();
    out.close("");

    Reference expected = new Reference(output);
    byte[] log = Files.readAllBytes(command.logFile());
    if (output[output.length - 1] != '\n') { // the last line gets its newline in the log
      output = Arrays.copyOf(output, output.length + 1);
      output[output.length - 1] = '\n';
    }
    int at = Arrays.mismatch(log, output);
    assertThat(at).as("seed %d: the log (%d bytes) differs from the output (%d bytes) from byte %d: %s", seed,
        log.length, output.length, at, at < 0 ? "" : new String(log, Math.max(0, at - 40), Math.min(80, log.length - Math.max(0, at - 40)), StandardCharsets.UTF_8) + " ≠ " + new String(output, Math.max(0, at - 40), Math.min(80, output.length - Math.max(0, at - 40)), StandardCharsets.UTF_8)).isEqualTo(-1);
    assertThat(tail).as("seed %d", seed).isEqualTo(expected.tail());
    assertThat(facts).as("seed %d", seed).isEqualTo(expected.facts());
  }

  @Test
  void a_secret_split_between_two_chunks_is_masked_in_the_log_the_tail_and_the_facts() throws Exception {
    ShellCommand command = command();
    StepOutput out = StepOutput.open(command, properties(), "");
    RedactingOutputStream stream = new Redactor(List.of("hunter22")).redacting(new LineSplitter(out, MAX_LINE));
    byte[] text = "Loaded 3 objects\npassword hunter22 used\nAbandoning with 1 unsaved hunter22\n- x\n"
        .getBytes(StandardCharsets.UTF_8);
    for (int split = 1; split < text.length; split += 7) {
      stream.write(text, 0, split);
      stream.write(text, split, text.length - split);
    }
    stream.close();
    out.close("");

    String log = Files.readString(command.logFile());
    assertThat(log).doesNotContain("hunter22").contains("password **** used");
    assertThat(out.tail()).doesNotContain("hunter22").contains("Abandoning with 1 unsaved ****");
    assertThat(out.facts().get("abandoned")).first().isEqualTo("Abandoning with 1 unsaved ****");
  }

  /** What the pump's array holds after a block is not output yet: it is matched only when it comes. */
  @Test
  void lines_after_a_block_in_its_array_are_matched_only_when_they_come() throws Exception {
    ShellCommand command = command();
    StepOutput out = StepOutput.open(command, properties(), "");
    LineSplitter splitter = new LineSplitter(out, MAX_LINE);
    byte[] first = "Deferred Partner #100\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    byte[] array = Arrays.copyOf(first, first.length + 60);
    byte[] later = "Loaded 5 objects\nAbandoning with 2 unsaved\n".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(later, 0, array, first.length, later.length);

    splitter.write(array, 0, first.length);
    assertThat(out.facts()).allSatisfy((fact, lines) -> assertThat(lines).as(fact).isEmpty());
    splitter.write(array, first.length, later.length);
    assertThat(out.facts().get("loaded")).containsExactly("Loaded 5 objects");
    assertThat(out.facts().get("abandoned")).containsExactly("Abandoning with 2 unsaved");
    out.close("");
  }

  @Test
  void a_line_that_arrives_is_in_the_log_file_within_a_fraction_of_a_second_without_a_newline_flush()
      throws Exception {
    ShellCommand command = command();
    StepOutput out = StepOutput.open(command, properties(), "");
    LineSplitter splitter = new LineSplitter(out, MAX_LINE);
    byte[] line = "Loading 267 objects to table contacts_partner...\n".getBytes(StandardCharsets.UTF_8);

    splitter.write(line, 0, line.length);

    await().atMost(Duration.ofSeconds(2)).until(() -> Files.readString(command.logFile()).contains("Loading 267"));
    out.close("");
  }

  private ShellCommand command() {
    ShellCommand.Builder builder = TestCommands.command(dir, "true").logFile(dir.resolve("out-" + System.nanoTime()));
    MATCHERS.forEach(builder::matcher);
    return builder.build();
  }

  private static ShellProperties properties() {
    return new ShellProperties(TAIL, MAX_LINE, List.of(), MAX_FACT_LINES, Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  /** Lines of every kind the matchers and the splitter care about, thousands of them. */
  private static byte[] randomOutput(Random random) {
    String[] kinds = {
      "Deferred Partner #%d ('Company') : {'city': ['Place instance with id %d does not exist.']}",
      "Abandoning with %d unsaved instances:", "- contacts.Partner (%d object(s) with primary key %d)",
      "Loaded %d objects", "Loaded %d objects and more", "Bären %d in Zürich, %d", "a line to cut %d %d ",
      "windows line %d %d\r", "", "Loaded %d objects\r"};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int lines = 1000 + random.nextInt(5000);
    for (int i = 0; i < lines; i++) {
      String kind = kinds[random.nextInt(kinds.length)];
      String line = String.format(kind, random.nextInt(1000), random.nextInt(1000));
      if (kind.startsWith("a line to cut")) {
        line = line.repeat(1 + random.nextInt(30));
      }
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
      if (i < lines - 1 || random.nextBoolean()) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  /** The specification: each line read on its own, as the runner promises. */
  private static final class Reference {
    private final ArrayDeque<String> tail = new ArrayDeque<>();
    private final Map<String, List<String>> facts = new LinkedHashMap<>();

    Reference(byte[] output) {
      MATCHERS.forEach(m -> facts.put(m.fact(), new ArrayList<>()));
      Map<String, Integer> following = new LinkedHashMap<>();
      int start = 0;
      while (start < output.length) {
        int end = start;
        while (end < output.length && output[end] != '\n') {
          end++;
        }
        int length = end - start;
        // matchers see the beginning of an over-long line; the tail and the facts show it cut
        String shown = TailLines.decode(output, start, Math.min(length, MAX_LINE));
        String text = length > MAX_LINE ? shown + StepOutput.CUT_MARKER : shown;
        if (tail.size() == TAIL) {
          tail.removeFirst();
        }
        tail.addLast(text);
        for (LineMatcher m : MATCHERS) {
          List<String> kept = facts.get(m.fact());
          if (m.pattern().matcher(shown).find()) {
            if (kept.size() < MAX_FACT_LINES) {
              kept.add(text);
            }
            following.put(m.fact(), m.keepLines());
          } else if (following.getOrDefault(m.fact(), 0) > 0) {
            if (kept.size() < MAX_FACT_LINES) {
              kept.add(text);
            }
            following.merge(m.fact(), -1, Integer::sum);
          }
        }
        start = end + 1;
      }
    }

    String tail() {
      return String.join("\n", tail);
    }

    Map<String, List<String>> facts() {
      return facts;
    }
  }
}

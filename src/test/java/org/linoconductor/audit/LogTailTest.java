package org.linoconductor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pieces of a growing log: offsets that add up, and never half a character. */
class LogTailTest {

  @TempDir Path dir;

  @Test
  void aPieceEndingInsideACharacterStopsBeforeItAndTheNextPieceStartsThere() throws IOException {
    Path log = dir.resolve("step-1.log");
    byte[] word = "Größe €\n".getBytes(StandardCharsets.UTF_8);
    Files.write(log, java.util.Arrays.copyOf(word, word.length - 2)); // "€" cut after its first byte

    LogTail first = LogTail.read(log, 0L, true);
    assertThat(first.text()).isEqualTo("Größe ");
    assertThat(first.log()).isEqualTo("step-1.log");
    assertThat(first.next()).isEqualTo("Größe ".getBytes(StandardCharsets.UTF_8).length);

    Files.write(log, word);
    LogTail second = LogTail.read(log, first.next(), false);
    assertThat(second.text()).isEqualTo("€\n");
    assertThat(second.next()).isEqualTo(word.length);
  }

  @Test
  void withoutAnOffsetALongLogStartsAtALineWithinItsLastBytes() throws IOException {
    Path log = dir.resolve("step-1.log");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 5000; i++) {
      text.append("line ").append(i).append('\n');
    }
    Files.writeString(log, text);

    LogTail last = LogTail.read(log, null, false);
    assertThat(last.text()).startsWith("line ").endsWith("line 4999\n");
    assertThat(last.text().length()).isLessThanOrEqualTo(LogTail.LAST_BYTES);
    assertThat(last.next()).isEqualTo(Files.size(log));
  }
}

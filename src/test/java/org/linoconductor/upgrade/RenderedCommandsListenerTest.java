package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.linoconductor.step.StepRun;

class RenderedCommandsListenerTest {

  @Test
  void aLongRunIsCutAtAWholeLineWithANoteWhereTheRestIs() {
    List<StepRun> runs = IntStream.range(0, 200).mapToObj(i -> rendered("collect-static",
        "python manage.py collectstatic --noinput # " + i)).toList();

    String text = RenderedCommandsListener.abbreviate(RenderedCommandsListener.lines(runs), "run-1");

    assertThat(text).hasSizeLessThanOrEqualTo(RenderedCommandsListener.MAX_CHARS)
        .endsWith("\n... cut here: every command of this run is in table step_run (run run-1)");
    assertThat(text.lines().filter(line -> line.startsWith("collect-static: ")))
        .allMatch(line -> line.matches("collect-static: python manage.py collectstatic --noinput # \\d+"));
  }

  private static StepRun rendered(String topic, String command) {
    return new StepRun(1, "run-1", "production-upgrade", "CollectStatic", null, "anna", topic,
        StepRun.Status.RENDERED, command, Instant.now(), Instant.now(), null, null, null, null, "test", null,
        StepRun.ReportState.REPORTED, null);
  }
}

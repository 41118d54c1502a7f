package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linoconductor.shell.TestCommands.bash;
import static org.linoconductor.shell.TestCommands.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HugeOutputTest {

  static final long SIZE = 300_000_000L;
  private static final long MB = 1024 * 1024;

  @TempDir Path site;

  @Test
  void hundreds_of_MB_of_output_go_to_the_log_file_while_memory_keeps_a_bounded_tail() throws Exception {
    ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults().withSecrets(List.of("hunter22")));
    ShellCommand command = bash(site, "yes \"Deferred contacts.Partner #123 ('Foo') : Country matching"
        + " query does not exist.\" | head -c " + SIZE)
        .timeout(Duration.ofMinutes(2))
        .matcher(LineMatcher.of("deferred", "^Deferred contacts\\.Partner #(\\d+)", 1))
        .build();
    long before = usedHeapAfterGc();

    long start = System.nanoTime();
    ShellResult result = runner.run(command);
    long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    long growth = usedHeapAfterGc() - before;

    assertThat(result.succeeded()).isTrue();
    long logSize = Files.size(result.logFile());
    assertThat(logSize).isBetween(SIZE, SIZE + 4096); // all output, plus header and footer
    assertThat(result.tail().lines()).hasSize(200);
    assertThat(result.tail().length()).isLessThan(200 * (4096 + 20));
    assertThat(result.fact("deferred")).hasSize(100);
    // if the output (or one line of it) were kept, the result alone would hold 300 MB
    assertThat(growth).isLessThan(64 * MB);
    System.out.printf("FIGURE huge output: %d MB in %d ms, heap growth after GC %d KB, log %d bytes%n",
        SIZE / 1_000_000, millis, growth / 1024, logSize);
  }

  /**
   * One line of 300 MB (no newline at all) in a JVM with a 32 MB heap: holding a whole line, as
   * commons-exec's LogOutputStream does, would end in an OutOfMemoryError there.
   */
  @Test
  void a_single_300_MB_line_passes_through_a_JVM_with_a_32_MB_heap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults());

    ShellResult probe = runner.run(command(site, java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        HugeLineProbe.class.getName(), site.resolve("probe").toString())
        .timeout(Duration.ofMinutes(2)).logFile(site.resolve("probe.log")).build());

    assertThat(probe.tail()).contains("PROBE ok");
    assertThat(probe.succeeded()).isTrue();
    System.out.println("FIGURE " + probe.tail().lines().filter(l -> l.startsWith("PROBE")).findFirst().orElseThrow()
        + " in " + probe.duration().toMillis() + " ms (JVM start included)");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}

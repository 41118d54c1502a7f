package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linoconductor.shell.TestCommands.bash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessTreeKillTest {

  /** Background sleeps (one of them two levels down) write their PIDs, then the script waits for them. */
  private static final String TREE = "sleep 300 & echo $! >> pids; sleep 300 & echo $! >> pids; "
      + "bash -c 'sleep 300 & echo $! >> pids; wait' & echo started; wait";

  @TempDir Path site;

  @Test
  void at_the_timeout_the_whole_tree_is_killed_and_the_runner_returns_promptly() throws Exception {
    ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults());

    long start = System.nanoTime();
    ShellResult result = runner.run(bash(site, TREE).timeout(Duration.ofSeconds(2)).build());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.timedOut()).isTrue();
    assertThat(result.succeeded()).isFalse();
    assertThat(result.tail()).isEqualTo("started");
    List<Long> pids = pids();
    assertThat(pids).hasSize(3);
    assertThat(pids).allMatch(pid -> !alive(pid));
    // the sleeps held the output pipe: returning needs their death, not the drain timeout
    assertThat(took).isLessThan(Duration.ofMillis(3500));
    assertThat(Files.readString(result.logFile())).contains("### TIMED OUT after");
    System.out.printf("FIGURE tree kill: timeout 2 s, run returned after %d ms%n", took.toMillis());
  }

  @Test
  void processes_that_ignore_TERM_get_KILL_after_the_grace_period() throws Exception {
    ShellProperties properties = new ShellProperties(200, 4096, List.of(), 100, Duration.ofMillis(500),
        Duration.ofSeconds(1));
    ShellRunner runner = new CommonsExecShellRunner(properties);

    long start = System.nanoTime();
    ShellResult result = runner.run(bash(site, "trap '' TERM; " + TREE).timeout(Duration.ofSeconds(1)).build());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result.timedOut()).isTrue();
    assertThat(pids()).hasSize(3).allMatch(pid -> !alive(pid));
    assertThat(took).isBetween(Duration.ofMillis(1500), Duration.ofMillis(3500));
  }

  @Test
  void interrupting_the_calling_thread_aborts_the_command_and_kills_its_tree() throws Exception {
    ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults());
    ShellCommand command = bash(site, TREE).timeout(Duration.ofMinutes(5)).build();
    AtomicBoolean interruptedAfterwards = new AtomicBoolean();
    CompletableFuture<ShellResult> result = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      result.complete(runner.run(command));
      interruptedAfterwards.set(Thread.currentThread().isInterrupted());
    });
    worker.start();
    awaitThreePids();

    worker.interrupt();

    ShellResult aborted = result.get(5, TimeUnit.SECONDS);
    worker.join(1000);
    assertThat(aborted.succeeded()).isFalse();
    assertThat(aborted.timedOut()).isFalse();
    assertThat(interruptedAfterwards).isTrue();
    assertThat(pids()).allMatch(pid -> !alive(pid));
    assertThat(Files.readString(aborted.logFile())).contains("### ABORTED after");
  }

  @Test
  void a_process_left_running_in_the_background_holds_the_runner_only_for_the_drain_timeout() throws Exception {
    ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults());

    long start = System.nanoTime();
    ShellResult result = runner.run(bash(site, "sleep 30 & echo $! >> pids; echo daemon started").build());
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    try {
      assertThat(result.succeeded()).isTrue();
      assertThat(result.tail()).isEqualTo("daemon started");
      // at most the default drain timeout of 2 s; often less, as the JDK itself may close the pipe
      // when the direct child exits (when no read is in progress at that moment)
      assertThat(took).isLessThan(Duration.ofSeconds(4));
      // a daemon (apache2ctl start) is meant to outlive its command: not killed on a normal exit
      assertThat(alive(pids().get(0))).isTrue();
    } finally {
      pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  private List<Long> pids() throws IOException {
    Path file = site.resolve("pids");
    return Files.exists(file) ? Files.readAllLines(file).stream().map(Long::parseLong).toList() : List.of();
  }

  private void awaitThreePids() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pids().size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(pids()).hasSize(3);
  }

  /** A killed zombie is dead: the sandbox's init reaps orphans late, ProcessHandle still lists them. */
  private static boolean alive(long pid) {
    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      try {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
      } catch (IOException e) {
        return false; // gone meanwhile
      }
    }
    return false;
  }
}

package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linoconductor.shell.TestCommands.bash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command leads a session of its own, which finds its processes when nothing else links them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessSessionTest {

  @TempDir Path site;

  @Test
  void a_command_leads_its_own_session_and_the_runner_reports_it_while_it_runs() {
    AtomicReference<ProcessSession> reported = new AtomicReference<>();
    ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults());

    // field 6 of /proc/<pid>/stat is the session id; $$ is the shell's own pid. (A command gone
    // before the runner could look at it, a few milliseconds after its start, is not reported.)
    ShellResult result = runner.run(bash(site, "read -r -a stat < /proc/$$/stat; echo \"pid $$ session ${stat[5]}\";"
        + " sleep 0.3").build(), reported::set);

    assertThat(reported.get()).isNotNull();
    assertThat(result.tail()).isEqualTo("pid " + reported.get().id() + " session " + reported.get().id());
  }

  @Test
  void what_a_command_left_running_is_found_by_its_session_and_ended_with_a_report() throws Exception {
    AtomicReference<ProcessSession> reported = new AtomicReference<>();
    ShellRunner runner = new CommonsExecShellRunner(new ShellProperties(200, 4096, java.util.List.of(), 100,
        Duration.ofMillis(500), Duration.ofMillis(200)));
    // the command ends, its child goes on in the background (it would be init's after a crash)
    runner.run(bash(site, "(trap '' TERM; exec sleep 300) & echo $! > child; sleep 300 &").build(), reported::set);
    long child = Long.parseLong(Files.readString(site.resolve("child")).strip());
    ProcessSession session = reported.get();

    assertThat(session.members()).extracting(ProcessHandle::pid).contains(child);

    ProcessSession.Ending ending = session.end(Duration.ofMillis(500));

    assertThat(ending.found()).hasSize(2).anyMatch(line -> line.startsWith("pid " + child + " "));
    assertThat(ending.forced()).isEqualTo(1); // the one that ignores TERM
    assertThat(ending.describe()).contains("2 process(es)", "KILL for 1", "sleep 300");
    assertThat(session.members()).isEmpty();
    assertThat(session.end(Duration.ofMillis(500)).describe()).isEqualTo("no process of it was left");
  }

  @Test
  void a_session_of_an_earlier_boot_has_no_members() {
    ProcessSession self = ProcessSession.ledBy(ProcessHandle.current().pid()).orElseThrow();
    ProcessSession elsewhere = new ProcessSession(self.id(), self.startTicks(), "another-boot");

    assertThat(elsewhere.members()).isEmpty();
  }
}

package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.linoconductor.shell.TestCommands.bash;
import static org.linoconductor.shell.TestCommands.command;
import static org.linoconductor.shell.TestCommands.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommonsExecShellRunnerTest {

  @TempDir Path site;

  private final ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults());

  @Test
  void a_command_that_exits_0_succeeds_with_its_output_in_the_tail_and_in_the_log() throws Exception {
    ShellResult result = runner.run(bash(site, "echo one; echo two >&2; echo three").build());

    assertThat(result.succeeded()).isTrue();
    assertThat(result.exitStatus()).isZero();
    assertThat(result.timedOut()).isFalse();
    assertThat(result.tail().lines()).containsExactlyInAnyOrder("one", "two", "three");
    assertThat(result.tail().lines()).containsSubsequence("one", "three");
    String log = Files.readString(result.logFile());
    assertThat(log).contains("site anna, step test-step", "$ bash -c 'echo one; echo two >&2; echo three'",
        "one\n", "two\n", "three\n", "### exit 0 after ");
    assertThat(log.indexOf("one\n")).isLessThan(log.indexOf("three\n"));
    assertThat(result.finished()).isAfterOrEqualTo(result.started());
  }

  /**
   * The live log: a line printed by a command that then waits (after a flood of lines, so that a
   * pump reading on into a block, or a log written only when its buffer is full, would hold it back)
   * is in the log file while the command still runs.
   */
  @Test
  void a_running_commands_lines_reach_the_log_file_while_it_waits() throws Exception {
    ShellCommand command = bash(site, "seq 1 100000; echo 'waiting for go'; "
        + "while [ ! -e go ]; do sleep 0.05; done; echo gone").build();
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try {
      Future<ShellResult> running = thread.submit(() -> runner.run(command));

      await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(command.logFile())
          && Files.readString(command.logFile()).contains("100000\nwaiting for go\n"));
      assertThat(running).isNotDone();
      Files.createFile(site.resolve("go"));
      ShellResult result = running.get();
      assertThat(result.succeeded()).isTrue();
      assertThat(result.tail()).endsWith("100000\nwaiting for go\ngone");
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void a_non_zero_exit_is_a_result_not_an_exception() throws Exception {
    ShellResult result = runner.run(bash(site, "echo 'Traceback (most recent call last):' >&2; exit 3").build());

    assertThat(result.succeeded()).isFalse();
    assertThat(result.exitStatus()).isEqualTo(3);
    assertThat(result.timedOut()).isFalse();
    assertThat(result.tail()).isEqualTo("Traceback (most recent call last):");
    assertThat(Files.readString(result.logFile())).endsWith("### exit 3 after " + result.duration().toMillis() + " ms\n");
  }

  @Test
  void the_sites_virtualenv_is_first_on_PATH_and_VIRTUAL_ENV_is_set_and_PYTHONHOME_is_gone() throws Exception {
    Path venv = site.resolve("env");
    script(venv.resolve("bin/python"),
        "echo \"python of the venv: VIRTUAL_ENV=$VIRTUAL_ENV PYTHONHOME=${PYTHONHOME:-unset}\"\n"
            + "echo \"PATH=$PATH\"\necho \"EXTRA=$LINO_EXTRA\"\necho \"cwd=$(pwd)\"");

    ShellResult result = runner.run(command(site, "python", "manage.py", "install")
        .virtualenv(venv).environment("LINO_EXTRA", "yes").build());

    assertThat(result.succeeded()).isTrue();
    assertThat(result.tail().lines()).containsExactly(
        "python of the venv: VIRTUAL_ENV=" + venv + " PYTHONHOME=unset",
        "PATH=" + venv.resolve("bin") + ":" + System.getenv("PATH"),
        "EXTRA=yes",
        "cwd=" + site.toRealPath());
  }

  @Test
  void arguments_reach_the_program_literally_without_any_shell_interpretation() throws Exception {
    List<String> tricky = List.of("with space", "it's \"quoted\"", "$(touch pwned)", "a;touch pwned2",
        "${HOME}", "*", "back\\slash", "`id`", "");
    List<String> argv = new ArrayList<>(List.of("python3", "-c",
        "import sys\nfor a in sys.argv[1:]: print('<' + a + '>')"));
    argv.addAll(tricky);

    ShellResult result = runner.run(command(site).argv(argv).build());

    assertThat(result.succeeded()).isTrue();
    assertThat(result.tail().lines()).containsExactlyElementsOf(tricky.stream().map(a -> "<" + a + ">").toList());
    assertThat(site.resolve("pwned")).doesNotExist();
    assertThat(site.resolve("pwned2")).doesNotExist();
    assertThat(Files.readString(result.logFile())).contains("'with space' 'it'\\''s \"quoted\"' '$(touch pwned)'");
  }

  @Test
  void stdin_is_closed_so_a_command_asking_a_question_gets_end_of_file_instead_of_hanging() {
    ShellResult result = runner.run(bash(site,
        "if read -r answer; then echo \"got $answer\"; else echo 'no input'; exit 1; fi").build());

    assertThat(result.tail()).isEqualTo("no input");
    assertThat(result.exitStatus()).isEqualTo(1);
  }

  @Test
  void line_matchers_keep_the_matching_lines_and_the_lines_following_them() {
    String restoreOutput = String.join("\n",
        "Execute file contacts_partner.py ...",
        "Loading 267 objects to table contacts_partner...",
        "Deferred contacts.Partner #100 ('Foo') : Country matching query does not exist.",
        "Abandoning with 5 unsaved instances:",
        "- contacts.Partner Country matching query does not exist. (3 object(s) with primary key 100, 101, 102)",
        "- cal.Event Room matching query does not exist. (2 object(s) with primary key 7, 8)",
        "Loaded 262 objects",
        "Done 42 checks, found 3 and fixed 2 problems.",
        "3390 static files copied to '/site/static_root'.");
    ShellCommand command = command(site, "printf", "%s\\n", restoreOutput)
        .matcher(LineMatcher.of("abandoned", "Abandoning with (\\d+) unsaved instances", 2))
        .matcher(LineMatcher.of("checkdata", "Done (\\d+) checks, found (\\d+) and fixed (\\d+) problems"))
        .matcher(LineMatcher.of("static", "(\\d+) static files copied"))
        .matcher(LineMatcher.of("nothing", "never printed"))
        .build();

    ShellResult result = runner.run(command);

    assertThat(result.succeeded()).isTrue(); // exit 0 although objects were abandoned: the facts tell
    assertThat(result.fact("abandoned")).containsExactly(
        "Abandoning with 5 unsaved instances:",
        "- contacts.Partner Country matching query does not exist. (3 object(s) with primary key 100, 101, 102)",
        "- cal.Event Room matching query does not exist. (2 object(s) with primary key 7, 8)");
    assertThat(result.fact("checkdata")).containsExactly("Done 42 checks, found 3 and fixed 2 problems.");
    assertThat(result.fact("static")).containsExactly("3390 static files copied to '/site/static_root'.");
    assertThat(result.facts()).containsEntry("nothing", List.of());
  }

  @Test
  void each_fact_keeps_at_most_the_configured_number_of_lines() {
    ShellRunner smallFacts = new CommonsExecShellRunner(
        new ShellProperties(5, 4096, List.of(), 3, ShellProperties.defaults().killGrace(),
            ShellProperties.defaults().outputDrainTimeout()));

    ShellResult result = smallFacts.run(bash(site, "for i in $(seq 1 50); do echo \"Deferred #$i\"; done")
        .matcher(LineMatcher.of("deferred", "^Deferred")).build());

    assertThat(result.fact("deferred")).containsExactly("Deferred #1", "Deferred #2", "Deferred #3");
    assertThat(result.tail().lines()).containsExactly("Deferred #46", "Deferred #47", "Deferred #48",
        "Deferred #49", "Deferred #50");
  }

  @Test
  void a_long_line_is_cut_in_memory_with_a_marker_but_kept_whole_in_the_log() throws Exception {
    ShellRunner shortLines = new CommonsExecShellRunner(new ShellProperties(200, 100, List.of(), 100,
        ShellProperties.defaults().killGrace(), ShellProperties.defaults().outputDrainTimeout()));

    ShellResult result = shortLines.run(command(site, "python3", "-c",
        "print('Deferred ' + 'x' * 1000 + ' END'); print('next')")
        .matcher(LineMatcher.of("end", "END")).matcher(LineMatcher.of("deferred", "^Deferred")).build());

    assertThat(result.tail().lines()).containsExactly(
        "Deferred " + "x".repeat(91) + StepOutput.CUT_MARKER, "next");
    assertThat(result.fact("end")).isEmpty(); // matching sees only what memory keeps
    assertThat(result.fact("deferred")).hasSize(1);
    assertThat(Files.readString(result.logFile())).contains("Deferred " + "x".repeat(1000) + " END\nnext\n");
  }

  @Test
  void secrets_are_redacted_in_the_log_the_tail_the_facts_and_the_rendered_command() throws Exception {
    ShellProperties properties = ShellProperties.defaults().withSecrets(List.of("s3cr3t-pw", ""));
    ShellRunner redacting = new CommonsExecShellRunner(properties);
    ShellCommand command = command(site, "python3", "-c",
        "import os,sys\n"
            + "print('connecting with s3cr3t-pw')\n"
            + "sys.stdout.write('split: s3cr'); sys.stdout.flush()\n"
            + "import time; time.sleep(0.2)\n"
            + "print('3t-pw done')\n"
            + "print('db password ' + os.environ['PGPASSWORD'], file=sys.stderr)\n",
        "--password=s3cr3t-pw")
        .environment("PGPASSWORD", "hunter22")
        .matcher(LineMatcher.of("connect", "connecting"))
        .build();

    ShellResult result = redacting.run(command);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.tail().lines()).containsExactlyInAnyOrder("connecting with ****", "split: **** done",
        "db password ****");
    assertThat(result.fact("connect")).containsExactly("connecting with ****");
    String log = Files.readString(result.logFile());
    assertThat(log).doesNotContain("s3cr3t-pw", "hunter22").contains("--password=****", "PGPASSWORD=****");
    String output = log.substring(log.indexOf("--password=****\n"));
    assertThat(output).contains("split: **** done").doesNotContain("s3cr");
    assertThat(redacting.render(command)).contains("--password=****").doesNotContain("s3cr3t-pw");
    assertThat(properties.toString()).doesNotContain("s3cr3t-pw");
  }

  @Test
  void the_log_file_is_created_with_its_directories_and_a_second_run_appends_to_it() throws Exception {
    ShellCommand command = bash(site, "echo run").logFile(site.resolve("a/b/c/step.log")).build();

    runner.run(command);
    ShellResult second = runner.run(command);

    String log = Files.readString(second.logFile());
    assertThat(log).startsWith("### ");
    assertThat(log.split("\\$ bash -c 'echo run'\nrun\n### exit 0 after", -1)).hasSize(3);
  }

  @Test
  void several_commands_run_at_once_without_mixing_their_output() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ShellResult>> results = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        String name = "site" + i;
        ShellCommand command = ShellCommand.builder(name, "sync")
            .argv("bash", "-c", "for i in $(seq 1 300); do echo " + name + " $i; done; sleep 0.5")
            .workingDirectory(site).timeout(java.time.Duration.ofSeconds(20))
            .logFile(site.resolve(name + ".log")).build();
        results.add(pool.submit(() -> runner.run(command)));
      }
      for (int i = 0; i < 4; i++) {
        ShellResult result = results.get(i).get();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.tail().lines()).hasSize(200).allMatch(l -> l.startsWith(result.command().site() + " "));
        assertThat(Files.readString(result.logFile())).contains("site" + i + " 300\n").doesNotContain("site" + ((i + 1) % 4) + " ");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

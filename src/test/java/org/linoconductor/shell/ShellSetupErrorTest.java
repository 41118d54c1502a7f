package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linoconductor.shell.TestCommands.command;
import static org.linoconductor.shell.TestCommands.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShellSetupErrorTest {

  @TempDir Path site;

  private final ShellRunner runner = new CommonsExecShellRunner(ShellProperties.defaults());

  @Test
  void a_missing_working_directory_names_site_step_and_directory() {
    Path missing = site.resolve("berta");

    assertThatThrownBy(() -> runner.run(command(site, "echo", "hi").workingDirectory(missing).build()))
        .isInstanceOf(ShellSetupException.class)
        .hasMessageContainingAll("Site anna, step test-step", "working directory " + missing + " does not exist",
            "site registry");
    assertThat(site.resolve("log")).doesNotExist(); // nothing started, not even the log
  }

  @Test
  void a_program_missing_from_PATH_and_the_virtualenv_is_refused_before_anything_starts() throws Exception {
    Path venv = Files.createDirectories(site.resolve("env/bin")).getParent();

    assertThatThrownBy(() -> runner.run(command(site, "no-such-program-xyz", "--noinput").virtualenv(venv).build()))
        .isInstanceOf(ShellSetupException.class)
        .hasMessageContainingAll("Site anna, step test-step", "program 'no-such-program-xyz' not found",
            venv.resolve("bin").toString(), "virtualenv " + venv + " is complete");
  }

  @Test
  void a_script_missing_from_the_site_directory_is_named_with_its_full_path() {
    assertThatThrownBy(() -> runner.run(command(site, "./make_snapshot.sh").build()))
        .isInstanceOf(ShellSetupException.class)
        .hasMessageContainingAll("Site anna, step test-step", site.resolve("make_snapshot.sh") + " does not exist");
  }

  @Test
  void a_script_that_is_not_executable_is_refused_with_the_chmod_to_run() throws Exception {
    Path pull = script(site.resolve("pull.sh"), "echo pulled");
    Files.setPosixFilePermissions(pull, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> runner.run(command(site, "./pull.sh").build()))
        .isInstanceOf(ShellSetupException.class)
        .hasMessageContainingAll("Site anna, step test-step", pull + " is not executable", "chmod +x " + pull);
  }

  @Test
  void a_script_whose_interpreter_is_gone_is_a_setup_error_not_a_failed_step() throws Exception {
    // what a copied virtualenv looks like: its scripts name the old env's python
    Path pip = script(site.resolve("env/bin/pip"), "");
    Files.writeString(pip, "#!/usr/local/lino/lino_local/old/env/bin/python3\nprint('pip')\n");

    assertThatThrownBy(() -> runner.run(command(site, "pip", "freeze").virtualenv(site.resolve("env")).build()))
        .isInstanceOf(ShellSetupException.class)
        .hasMessageContainingAll("Site anna, step test-step", "could not start " + pip, "'#!' line");
  }

  @Test
  void a_virtualenv_without_bin_is_refused() {
    Path venv = site.resolve("env");

    assertThatThrownBy(() -> runner.run(command(site, "python", "manage.py").virtualenv(venv).build()))
        .isInstanceOf(ShellSetupException.class)
        .hasMessageContainingAll("Site anna, step test-step", "virtualenv " + venv, "python3 -m venv " + venv);
  }

  @Test
  void a_log_directory_that_cannot_be_created_is_named_with_what_to_do() throws Exception {
    Path notADirectory = Files.writeString(site.resolve("log"), "a file where the log directory should be");
    Path logFile = notADirectory.resolve("restore.log");

    assertThatThrownBy(() -> runner.run(command(site, "echo", "hi").logFile(logFile).build()))
        .isInstanceOf(ShellSetupException.class)
        .hasMessageContainingAll("Site anna, step test-step", "cannot write the log file " + logFile,
            "make it writable");
  }
}

package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linoconductor.shell.TestCommands.command;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RenderingShellRunnerTest {

  @TempDir Path site;

  @Test
  void a_dry_run_records_the_exact_commands_and_executes_none_of_them() {
    RenderingShellRunner dryRun = new RenderingShellRunner(ShellProperties.defaults().withSecrets(List.of("hunter22")));
    Path venv = site.resolve("env"); // need not exist in a dry run
    ShellCommand touch = command(site, "touch", "created by a dry run").build();
    ShellCommand restore = command(site, "python", "manage.py", "run", "snapshot/restore.py", "--noinput",
        "--db-password=hunter22")
        .virtualenv(venv).environment("PGPASSWORD", "pg-secret").environment("LANG", "C.UTF-8")
        .matcher(LineMatcher.of("abandoned", "Abandoning with (\\d+) unsaved instances", 20)).build();

    ShellResult touched = dryRun.run(touch);
    ShellResult restored = dryRun.run(restore);

    assertThat(site.resolve("created by a dry run")).doesNotExist();
    assertThat(touch.logFile()).doesNotExist();
    assertThat(touched.succeeded()).isTrue();
    assertThat(restored.facts()).containsEntry("abandoned", List.of());
    assertThat(dryRun.commands()).hasSize(2);
    RenderedCommand first = dryRun.commands().get(0);
    assertThat(first.line()).isEqualTo("touch 'created by a dry run'");
    assertThat(first.argv()).containsExactly("touch", "created by a dry run");
    RenderedCommand second = dryRun.commands().get(1);
    assertThat(second.line()).isEqualTo("python manage.py run snapshot/restore.py --noinput --db-password=****");
    assertThat(second.workingDirectory()).isEqualTo(site);
    assertThat(second.environment())
        .containsEntry("VIRTUAL_ENV", venv.toString())
        .containsEntry("PATH", venv.resolve("bin") + ":" + System.getenv("PATH"))
        .containsEntry("PGPASSWORD", "****")
        .containsEntry("LANG", "C.UTF-8");
    assertThat(dryRun.render(restore)).doesNotContain("hunter22");
  }
}

package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShellCommandTest {

  private static ShellCommand.Builder valid() {
    return ShellCommand.builder("anna", "restore").argv("python", "manage.py")
        .workingDirectory(Path.of("/srv/anna")).timeout(Duration.ofMinutes(1)).logFile(Path.of("/tmp/x.log"));
  }

  @Test
  void render_quotes_only_the_arguments_that_need_it() {
    ShellCommand command = valid().argv("run", "snapshot/restore.py", "--noinput", "two words", "it's",
        "$(rm -rf /)", "a;b", "").build();

    assertThat(command.render()).isEqualTo(
        "python manage.py run snapshot/restore.py --noinput 'two words' 'it'\\''s' '$(rm -rf /)' 'a;b' ''");
  }

  @Test
  void invalid_commands_are_refused_when_built() {
    assertThatThrownBy(() -> ShellCommand.builder("anna", "x").workingDirectory(Path.of("/"))
        .timeout(Duration.ofSeconds(1)).logFile(Path.of("/tmp/l")).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argv needs a program");
    assertThatThrownBy(() -> valid().timeout(Duration.ZERO).build()).hasMessageContaining("timeout must be positive");
    assertThatThrownBy(() -> valid().environment("A=B", "x").build()).hasMessageContaining("A=B");
    assertThatThrownBy(() -> valid().matcher(LineMatcher.of("f", "a")).matcher(LineMatcher.of("f", "b")).build())
        .hasMessageContaining("two line matchers for fact 'f'");
    assertThatThrownBy(() -> new ShellCommand(" ", "x", List.of("ls"), Path.of("/"), null, null,
        Duration.ofSeconds(1), Path.of("/tmp/l"), null)).hasMessageContaining("site must not be blank");
  }

  @Test
  void values_of_variables_named_like_secrets_are_redacted_with_the_configured_ones() {
    ShellCommand command = valid().environment("PGPASSWORD", "pg").environment("MYSQL_PWD_TOKEN", "tok")
        .environment("LANG", "C.UTF-8").build();

    assertThat(command.secretValues()).containsExactlyInAnyOrder("pg", "tok");
    assertThat(command.toString()).contains("PGPASSWORD=****", "LANG=C.UTF-8").doesNotContain("=pg", "tok");
  }
}

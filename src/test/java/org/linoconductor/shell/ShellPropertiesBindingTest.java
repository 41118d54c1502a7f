package org.linoconductor.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The bean and its properties, in a minimal context (the application's would start Camunda). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ShellPropertiesBindingTest {

  @Configuration
  @EnableConfigurationProperties(ShellProperties.class)
  @Import(CommonsExecShellRunner.class)
  static class ShellConfiguration {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(ShellConfiguration.class);

  @Test
  void the_runner_bean_gets_the_defaults_from_an_empty_configuration() {
    context.run(ctx -> {
      assertThat(ctx).hasSingleBean(ShellRunner.class);
      assertThat(ctx.getBean(ShellRunner.class)).isInstanceOf(CommonsExecShellRunner.class);
      assertThat(ctx.getBean(ShellProperties.class)).isEqualTo(ShellProperties.defaults());
    });
  }

  @Test
  void configured_values_bind_and_secrets_stay_out_of_toString() {
    context.withPropertyValues("conductor.shell.tail-lines=50", "conductor.shell.secrets[0]=pw-123",
        "conductor.shell.secrets[1]=", "conductor.shell.kill-grace=10s").run(ctx -> {
          ShellProperties properties = ctx.getBean(ShellProperties.class);
          assertThat(properties.tailLines()).isEqualTo(50);
          assertThat(properties.secrets()).containsExactly("pw-123");
          assertThat(properties.killGrace()).isEqualTo(Duration.ofSeconds(10));
          assertThat(properties.toString()).doesNotContain("pw-123").contains("1 redacted");
        });
  }

  @Test
  void an_invalid_value_stops_the_application_with_the_property_named() {
    context.withPropertyValues("conductor.shell.max-line-length=10").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("max-line-length");
    });
  }
}

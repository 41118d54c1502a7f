package org.linoconductor.attempt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code conductor.attempt.*} in a minimal context (the application's would start Camunda). */
class AttemptPropertiesBindingTest {

  @Configuration
  @EnableConfigurationProperties(AttemptProperties.class)
  static class AttemptConfiguration {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(AttemptConfiguration.class);

  @Test
  void withoutConfigurationAnAttemptNobodyDecidedIsCancelled() {
    context.run(ctx -> assertThat(ctx.getBean(AttemptProperties.class))
        .isEqualTo(new AttemptProperties(Duration.ofMinutes(15), TimeoutDecision.CANCEL)));
  }

  @Test
  void acceptBindsInTheWayTheReadmeWritesIt() {
    context.withPropertyValues("conductor.attempt.timeout-decision=accept").run(ctx ->
        assertThat(ctx.getBean(AttemptProperties.class).timeoutDecision()).isEqualTo(TimeoutDecision.ACCEPT));
  }

  @Test
  void anUnknownDecisionStopsTheApplicationWithThePropertyNamed() {
    context.withPropertyValues("conductor.attempt.timeout-decision=wait").run(ctx -> {
      assertThat(ctx).hasFailed();
      assertThat(ctx.getStartupFailure()).cause().hasMessageContaining("conductor.attempt.timeout-decision");
    });
  }
}

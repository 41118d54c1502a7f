package org.linoconductor.attempt;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code conductor.attempt.*}: how upgrade attempts run.
 *
 * @param reminderBefore how long before the agreed start the announcement goes out again
 * @param timeoutDecision what an attempt ends with when nobody decides by its end; the start
 *     variable {@code timeoutDecision} overrides it for one attempt
 */
@Validated
@ConfigurationProperties("conductor.attempt")
record AttemptProperties(
    @NotNull @DefaultValue("PT15M") Duration reminderBefore,
    @NotNull @DefaultValue("cancel") TimeoutDecision timeoutDecision) {}

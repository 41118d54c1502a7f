package org.linoconductor.input;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much a request to {@code /engine-rest}, {@code /api} or {@code /camunda/api} may carry.
 *
 * @param maxBodySize larger bodies are answered with 413 before they are read; every body Conductor
 *     and Camunda take (a start, a completion, a site, a deployment of all processes: about 200 KB) is smaller
 * @param maxTextLength the longest text in a JSON body: Camunda keeps a text variable in a
 *     4000-character column, so anything longer would fail in the database
 * @param maxNameLength the longest name in a JSON body: Camunda keeps variable names in 255 characters
 */
@Validated
@ConfigurationProperties("conductor.input")
public record InputProperties(
    @NotNull @DefaultValue("1MB") DataSize maxBodySize,
    @Min(1) @DefaultValue("4000") int maxTextLength,
    @Min(1) @DefaultValue("255") int maxNameLength) {}

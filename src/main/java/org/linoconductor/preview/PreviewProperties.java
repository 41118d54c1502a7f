package org.linoconductor.preview;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How preview sites are synchronized.
 *
 * @param upgradesLog the seed's {@code LOGFILE}: preview-sync appends its start and end lines here,
 *     and rsync its file list ({@code --log-file})
 * @param nightlyCron when nightly-sync runs, in Camunda's cron syntax (seconds first)
 * @param maxConcurrentSyncs how many preview-sync runs may work at the same time when the nightly
 *     run starts them; a run waiting for an operator's decision does not count
 */
@Validated
@ConfigurationProperties("conductor.preview")
record PreviewProperties(
    @NotNull @DefaultValue("/var/log/lino/upgrades.log") Path upgradesLog,
    @NotBlank @DefaultValue("0 0 2 * * ?") String nightlyCron,
    @Min(1) @DefaultValue("2") int maxConcurrentSyncs) {}

package org.linoconductor.site;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code conductor.sites.*}.
 *
 * @param seedFile a sites YAML ({@link SiteSeeder}) registered at start-up; none by default
 */
@ConfigurationProperties("conductor.sites")
record SitesProperties(Path seedFile) {}

package org.linoconductor.preview;

/**
 * A preview site and the production site it mirrors.
 *
 * @param nightlySync whether the nightly sync refreshes it from production
 * @param createdByRun the preview-setup run that made it, null when registered by hand
 */
public record PreviewSite(String site, String productionSite, boolean nightlySync, String createdByRun) {}

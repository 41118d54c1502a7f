package org.linoconductor.preview;

import java.util.List;

/** Published (as a Spring event) when a nightly-sync run has reported what it did with each preview. */
public record NightlySyncEnded(String nightlyRun, List<NightlySyncResult> results) {}

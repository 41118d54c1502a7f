package org.linoconductor.archive;

import org.linoconductor.step.StartParameters;
import org.springframework.stereotype.Component;

/** archive-site takes nothing but site and dryRun at its start; its form is step-failed. */
@Component
class ArchiveSiteInputs implements StartParameters {

  @Override
  public String processKey() {
    return ArchiveSiteProcess.KEY;
  }
}

package org.linoconductor.preview;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.SiteNames;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunRefusedException;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * Process start listener of preview-setup ({@code ${newSiteCheck}}), after {@code siteRunListener}
 * has checked production: a bad {@code newSite} is refused at the start, with the reason, and
 * nothing of the run remains (ADR 2). The name must be neutral (the registry's rule), and neither a
 * directory or link in production's root nor a registered site.
 */
@Component("newSiteCheck")
class NewSiteCheck implements ExecutionListener {

  private final SiteRegistry sites;

  NewSiteCheck(SiteRegistry sites) {
    this.sites = sites;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String production = (String) execution.getVariable(StepVariables.SITE);
    if (!(execution.getVariable(Variables.NEW_SITE) instanceof String name) || name.isBlank()) {
      throw new RunRefusedException("Start variable '" + Variables.NEW_SITE + "' is missing: give the neutral"
          + " name of the new preview site, e.g. 'berta' (a directory of that name is made next to "
          + production + ").");
    }
    try {
      SiteNames.check(name);
    } catch (RuntimeException e) {
      throw new RunRefusedException("New site '" + name + "' is refused: " + e.getMessage(), e);
    }
    Path root = sites.require(production).root();
    if (Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      throw new RunRefusedException("New site '" + name + "' is refused: " + root.resolve(name)
          + " exists already. Choose a name that is free in " + root + ".");
    }
    if (sites.find(name).isPresent()) {
      throw new RunRefusedException("New site '" + name + "' is refused: a site of that name is registered"
          + " already (see /api/sites). Choose another name.");
    }
    if (execution.getVariable(Variables.RELEASE_NOTES_URL) instanceof String url && !url.isBlank()
        && !isHttp(url)) {
      throw new RunRefusedException("Start variable '" + Variables.RELEASE_NOTES_URL + "' is not an http(s)"
          + " address: " + url);
    }
  }

  private static boolean isHttp(String url) {
    try {
      String scheme = URI.create(url).getScheme();
      return "http".equals(scheme) || "https".equals(scheme);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

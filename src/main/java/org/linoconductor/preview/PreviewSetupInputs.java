package org.linoconductor.preview;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linoconductor.input.FormField;
import org.linoconductor.input.Shown;
import org.linoconductor.input.TaskForm;
import org.linoconductor.input.TaskForms;
import org.linoconductor.preview.PreviewSetupProcess.Forms;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteNames;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.RunRefusedException;
import org.linoconductor.step.StartParameters;
import org.linoconductor.step.StartVariables;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * What preview-setup takes from its users. At the start, besides site (production) and dryRun:
 * {@code newSite}, neutral (the registry's rule) and neither a directory or link in production's root
 * nor a registered site; {@code releaseNotesUrl}, an http(s) address. A bad one is refused at the
 * start, with the reason, and nothing of the run remains (ADR 2). In its form, the review of the
 * replacements.
 */
@Component
class PreviewSetupInputs implements StartParameters, TaskForms {

  /** The registry keeps release-notes addresses in 500 characters. */
  static final int MAX_URL_LENGTH = 500;
  private static final int MAX_NAME_LENGTH = 30;

  private final SiteRegistry sites;

  PreviewSetupInputs(SiteRegistry sites) {
    this.sites = sites;
  }

  @Override
  public String processKey() {
    return PreviewSetupProcess.KEY;
  }

  @Override
  public Set<String> names() {
    return Set.of(Variables.NEW_SITE, Variables.RELEASE_NOTES_URL);
  }

  @Override
  public Map<String, String> check(StartVariables variables, Site production) {
    String name = variables.text(Variables.NEW_SITE, MAX_NAME_LENGTH, "berta").orElseThrow(() ->
        new RunRefusedException("Start variable '" + Variables.NEW_SITE + "' is missing: give the neutral name of"
            + " the new preview site, e.g. 'berta' (a directory of that name is made next to "
            + production.name() + ")."));
    try {
      SiteNames.check(name);
    } catch (RuntimeException e) {
      throw new RunRefusedException("New site '" + name + "' is refused: " + e.getMessage(), e);
    }
    Path root = production.root();
    if (Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
      throw new RunRefusedException("New site '" + name + "' is refused: " + root.resolve(name)
          + " exists already. Choose a name that is free in " + root + ".");
    }
    if (sites.find(name).isPresent()) {
      throw new RunRefusedException("New site '" + name + "' is refused: a site of that name is registered"
          + " already (see /api/sites). Choose another name.");
    }
    Map<String, String> recorded = new HashMap<>(Map.of(Variables.NEW_SITE, name));
    variables.text(Variables.RELEASE_NOTES_URL, MAX_URL_LENGTH, "https://example.org/release-notes").ifPresent(url -> {
      if (!isHttp(url)) {
        throw new RunRefusedException("Start variable '" + Variables.RELEASE_NOTES_URL + "' is not an http(s)"
            + " address: " + Shown.value(url) + ". Write e.g. https://example.org/release-notes, or leave it out.");
      }
      recorded.put(Variables.RELEASE_NOTES_URL, url);
    });
    return recorded;
  }

  @Override
  public List<TaskForm> forms() {
    return List.of(TaskForm.of(Forms.REVIEW_REPLACEMENTS, FormField.flag(Variables.APPROVED).mandatory(),
        FormField.text(StepVariables.COMMENT, FormField.COMMENT_MAX_LENGTH)));
  }

  private static boolean isHttp(String url) {
    try {
      URI uri = URI.create(url);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}

package org.linoconductor.preview;

import java.util.List;
import java.util.Map;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers the new site as PREVIEW with its release-notes URL, and the row that makes it
 * production's preview (nightly sync on), in one transaction. Before the first sync, because
 * preview-sync runs on a registered preview only.
 *
 * <p>Contact, testers, database kind and elastic come from production. Service commands too, with
 * the old name replaced where an argument names it ({@code supervisorctl stop linod_anna}); generic
 * ones ({@code sudo service apache2 stop}) stay as they are. The URL stays empty: the vhost's server
 * name is known, but not whether it is served over https.
 */
@Component
class RegisterPreviewStep implements Step {

  private final SiteRegistry sites;
  private final PreviewSites previews;
  private final TransactionTemplate transaction;

  RegisterPreviewStep(SiteRegistry sites, PreviewSites previews, TransactionTemplate transaction) {
    this.sites = sites;
    this.previews = previews;
    this.transaction = transaction;
  }

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.REGISTER_PREVIEW;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site production = context.site();
    String name = NewSite.name(context);
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + name + " not registered");
    }
    if (sites.find(name).isPresent()) {
      if (previews.find(name).map(PreviewSite::createdByRun).filter(context.runId()::equals).isPresent()) {
        return StepOutcome.succeeded(name + " is registered already (by this run)", Map.of(Variables.REGISTERED, true));
      }
      return StepOutcome.failed("A site named " + name + " is registered already, not by this run:"
          + " abort, and choose another name for the new site.");
    }
    NameReplacement replacement = new NameReplacement(production.name(), name);
    ServiceCommands commands = production.serviceCommands();
    ServiceCommands renamed = new ServiceCommands(rename(commands.stop(), replacement),
        rename(commands.start(), replacement), rename(commands.restartWeb(), replacement));
    String releaseNotes = context.run().parameter(Variables.RELEASE_NOTES_URL).orElse(null);
    // The registration is the first entry of the preview's history: by whoever started the setup.
    String registeredBy = context.run().startedBy();
    transaction.executeWithoutResult(status -> {
      sites.register(new SiteRequest(name, production.root().toString(), name, SiteState.PREVIEW,
          production.databaseKind(), production.usesElastic(), production.contact(), production.testers(),
          null, releaseNotes, renamed, production.fourEyes()), registeredBy, context.runId());
      previews.register(new PreviewSite(name, production.name(), true, context.runId()));
    });
    return StepOutcome.succeeded("Registered " + name + " as PREVIEW of " + production.name()
        + (releaseNotes == null ? "" : ", release notes " + releaseNotes), Map.of(Variables.REGISTERED, true));
  }

  private static List<List<String>> rename(List<List<String>> commands, NameReplacement replacement) {
    return commands == null ? null : commands.stream().map(replacement::apply).toList();
  }
}

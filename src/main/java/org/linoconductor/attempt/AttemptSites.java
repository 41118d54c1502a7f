package org.linoconductor.attempt;

import java.util.ArrayList;
import java.util.List;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The two sites of an attempt: the run's site is the preview, its record's production site the
 * production it replaces; and their service commands, run in the site they belong to.
 */
@Component
class AttemptSites {

  enum Action { STOP, START, RESTART_WEB, START_AND_RESTART_WEB }

  private final SiteRegistry sites;

  AttemptSites(SiteRegistry sites) {
    this.sites = sites;
  }

  /** The production site the run's record names (from table preview_site at its start). */
  Site production(StepContext context) {
    return sites.require(context.run().requireProductionSite());
  }

  /** Runs {@code site}'s commands for {@code action} in that site, in order, stopping at the first failure. */
  /** Who hears about an attempt: the people of both sites, production's first. */
  static List<String> people(Site production, Site preview) {
    List<String> people = new ArrayList<>(production.people());
    people.addAll(preview.people());
    return people;
  }

  static StepOutcome runServices(StepContext context, Site site, Action action) {
    ServiceCommands services = site.serviceCommands();
    List<List<String>> commands = new ArrayList<>();
    if (services != null) {
      switch (action) {
        case STOP -> commands.addAll(orEmpty(services.stop()));
        case START -> commands.addAll(orEmpty(services.start()));
        case RESTART_WEB -> commands.addAll(orEmpty(services.restartWeb()));
        case START_AND_RESTART_WEB -> {
          commands.addAll(orEmpty(services.start()));
          commands.addAll(orEmpty(services.restartWeb()));
        }
      }
    }
    if (commands.isEmpty() && action != Action.RESTART_WEB) {
      return StepOutcome.failed("Site " + site.name() + " has no " + action.name().toLowerCase().replace('_', ' ')
          + " commands: register them, then retry.");
    }
    List<String> ran = new ArrayList<>();
    for (List<String> argv : commands) {
      ShellResult result = context.runIn(site, argv);
      if (!result.succeeded()) {
        return StepOutcome.failed("'" + result.command().render() + "' in " + site.name() + " "
            + (result.timedOut() ? "did not finish within " + result.command().timeout()
                : "ended with exit status " + result.exitStatus())
            + (ran.isEmpty() ? "; nothing ran before it" : "; already done: " + String.join(", ", ran))
            + ". Check the service (see the log " + result.logFile() + "), then retry.");
      }
      ran.add(result.command().render());
    }
    String prefix = context.dryRun() ? "dry run: would run in " + site.name() + ": " : site.name() + ": ";
    return StepOutcome.succeeded(ran.isEmpty() ? "No commands to run in " + site.name() : prefix + String.join(", ", ran));
  }

  private static List<List<String>> orEmpty(List<List<String>> commands) {
    return commands == null ? List.of() : commands;
  }
}

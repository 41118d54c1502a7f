package org.linoconductor.step;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.linoconductor.input.Shown;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteState;
import org.linoconductor.site.UnknownSiteException;
import org.springframework.stereotype.Component;

/**
 * On every step-running process ({@code <camunda:executionListener delegateExpression="${siteRunListener}"/>},
 * the first start listener and the last end listener): fixes the run to what it was started with. At the
 * start it checks the start variables (only {@code site}, a Boolean {@code dryRun} and the process's
 * {@link StartParameters}, each of its type and within its bounds), refuses an unknown, ARCHIVED or busy
 * site or one in the wrong state, locks the site and records the run's {@link RunIdentity}; a run
 * called by another takes its site and dry run from its caller's record. At the end it frees the site
 * however the run ends (completed, aborted or deleted in Cockpit).
 */
@Component("siteRunListener")
class SiteRunListener implements ExecutionListener {

  /** Process property: the life-cycle state a site must be in for this process. */
  static final String REQUIRED_STATE = "requiredSiteState";
  /**
   * Call-activity property: the caller's start parameter naming the site of the run it calls
   * (preview-setup's first sync runs on {@code newSite}); without it, the caller's own site.
   */
  static final String CALLED_RUN_SITE = "calledRunSite";
  private static final int SITE_NAME_LENGTH = 30;

  private final SiteRegistry sites;
  private final SiteLock lock;
  private final RunIdentities runs;
  private final IdentityService identity;
  private final Map<String, StartParameters> parameters;

  SiteRunListener(SiteRegistry sites, SiteLock lock, RunIdentities runs, IdentityService identity,
      Collection<StartParameters> parameters) {
    this.sites = sites;
    this.lock = lock;
    this.runs = runs;
    this.identity = identity;
    this.parameters = parameters.stream().collect(Collectors.toMap(StartParameters::processKey, Function.identity()));
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!EVENTNAME_START.equals(execution.getEventName())) {
      runs.find(execution.getProcessInstanceId()).ifPresent(run -> lock.release(run.site(),
          execution.getProcessInstanceId()));
      return;
    }
    RunIdentity run = identify(execution);
    lock.acquire(run.site(), execution);
    runs.record(run);
    // Shown in forms and Cockpit (a called run has no variables of its own); nothing reads them back.
    execution.setVariable(StepVariables.SITE, run.site());
    execution.setVariable(StepVariables.DRY_RUN, run.dryRun());
  }

  private RunIdentity identify(DelegateExecution execution) {
    String processKey = ProcessProperty.processKey(execution);
    // A process that declares nothing takes site and dryRun only.
    StartParameters declared = parameters.getOrDefault(processKey, () -> processKey);
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    StartVariables variables = new StartVariables(caller == null ? execution.getVariables() : Map.of());
    refuseUndeclared(execution, processKey, declared, caller != null);
    RunIdentity callerRun = caller == null ? null : runs.of(caller.getProcessInstanceId());
    String siteName = callerRun != null ? calledSite(caller, callerRun) : siteName(variables);
    Site site = sites.find(siteName).orElseThrow(() -> new RunRefusedException(new UnknownSiteException(siteName)
        .getMessage()));
    refuseArchived(processKey, site);
    requireState(execution, processKey, site);
    boolean dryRun = callerRun != null ? callerRun.dryRun() : variables.flag(StepVariables.DRY_RUN).orElse(false);
    return new RunIdentity(execution.getProcessInstanceId(), processKey, site.name(),
        declared.productionSite(site).orElse(null), dryRun,
        callerRun != null ? callerRun.startedBy() : startedBy(), Instant.now(),
        callerRun == null ? null : callerRun.processInstanceId(), declared.check(variables, site),
        callerRun != null ? callerRun.host() : site.host());
  }

  /** Only what the process declares may come with the start; a called run takes nothing from its caller. */
  private static void refuseUndeclared(DelegateExecution execution, String processKey, StartParameters declared,
      boolean called) {
    Set<String> accepted = new TreeSet<>(declared.names());
    if (!called) {
      accepted.add(StepVariables.SITE);
      accepted.add(StepVariables.DRY_RUN);
    }
    Set<String> undeclared = execution.getVariableNames().stream().filter(name -> !accepted.contains(name))
        .map(name -> "'" + Shown.value(name) + "'").collect(Collectors.toCollection(TreeSet::new));
    if (!undeclared.isEmpty()) {
      throw new RunRefusedException((called ? "A run of " + processKey + " called by another takes its site and"
          + " dry run from its caller's record and no variables; it was given " + String.join(", ", undeclared)
          : "Process " + processKey + " does not take the start variable" + (undeclared.size() > 1 ? "s " : " ")
          + String.join(", ", undeclared) + ": it takes " + String.join(", ", accepted) + ". Leave "
          + (undeclared.size() > 1 ? "them" : "it") + " out") + ". Nothing was started.");
    }
  }

  private static String siteName(StartVariables variables) {
    return variables.text(StepVariables.SITE, SITE_NAME_LENGTH, "anna").orElseThrow(() -> new RunRefusedException(
        "Start variable '" + StepVariables.SITE + "' is missing: give the name of a registered site (see"
            + " /api/sites), e.g. {\"site\": {\"value\": \"anna\"}}. Nothing was started."));
  }

  /** The site of a called run: the caller's parameter its call activity names, else the caller's site. */
  private static String calledSite(DelegateExecution caller, RunIdentity callerRun) {
    return ProcessProperty.of(caller, caller.getCurrentActivityId(), CALLED_RUN_SITE)
        .map(parameter -> callerRun.parameter(parameter).orElseThrow(() -> new IllegalStateException("Run "
            + callerRun.processInstanceId() + " has no start parameter " + parameter + " to call a run on")))
        .orElse(callerRun.site());
  }

  /** The signed-in user who starts the run (none for a timer or the nightly sync). */
  private String startedBy() {
    Authentication user = identity.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

  /** An ARCHIVED site has left the root (its directory is in the archive): nothing runs on it. */
  private static void refuseArchived(String processKey, Site site) {
    if (site.state() == SiteState.ARCHIVED) {
      throw new SiteStateException("Site " + site.name() + " is ARCHIVED"
          + (site.archivedTo() == null ? "" : " (its directory is in " + site.archivedTo() + ")")
          + ": no process runs on an archived site, " + processKey + " neither. Choose another"
          + " site (see /api/sites); to use " + site.name() + " again, bring its directory back by hand"
          + " (README, 'Archive an old site').");
    }
  }

  /** A process that names a {@value #REQUIRED_STATE} runs only on sites in that state. */
  private static void requireState(DelegateExecution execution, String processKey, Site site) {
    ProcessProperty.of(execution, processKey, REQUIRED_STATE).map(SiteState::valueOf).ifPresent(required -> {
      if (site.state() != required) {
        throw new SiteStateException("Process " + processKey + " runs on " + required + " sites only; site "
            + site.name() + " is " + site.state() + ". Choose a site in state " + required + " (see /api/sites).");
      }
    });
  }
}

package org.linoconductor.agent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.linoconductor.shell.ProcessSession;
import org.linoconductor.snapshot.GoodSnapshots;
import org.linoconductor.step.AgentRefusedException;
import org.linoconductor.step.AgentSteps;
import org.linoconductor.step.LiveLogs;
import org.linoconductor.step.RunIdentity;
import org.linoconductor.step.StepReport;
import org.linoconductor.step.StepServer;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where step agents report the steps they run: only users of group conductor-agents get here
 * (security.RestSecurity), and each only for the runs of its hosts ({@link AgentHosts}).
 */
@RestController
@Profile("!agent")
@RequestMapping(path = "/api/agent", produces = "application/json")
@Tag(name = "Step agents", description = "Used by step agents (group conductor-agents) only: the records of the"
    + " steps they run. 403 for every other user, and for a task or run of another host.")
class AgentStepsController {

  private final AgentSteps steps;
  private final GoodSnapshots goodSnapshots;
  private final IdentityService identity;

  AgentStepsController(AgentSteps steps, GoodSnapshots goodSnapshots, IdentityService identity) {
    this.steps = steps;
    this.goodSnapshots = goodSnapshots;
    this.identity = identity;
  }

  record StartRequest(String externalTaskId, String node) {}

  record Interruption(String leftovers, String tail) {}

  record GoodSnapshotRequest(String run, String path, long sizeBytes) {}

  @PostMapping(path = "/steps", consumes = "application/json")
  @Operation(summary = "The agent is to run a task it has fetched: its record, site and run (409: not to be run)")
  ResponseEntity<?> start(@RequestBody StartRequest request) {
    return asServer(() -> steps.start(request.externalTaskId(), request.node(), hosts()))
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "The step of task "
            + request.externalTaskId() + " was started before and is not run again: it goes to its decision.")));
  }

  @PostMapping(path = "/steps/{record}/session", consumes = "application/json")
  @Operation(summary = "A command of the step has started in this session")
  void session(@PathVariable long record, @RequestBody ProcessSession session) {
    asServer(() -> {
      steps.sessionStarted(record, session, hosts());
      return null;
    });
  }

  @PostMapping(path = "/steps/{record}/live", consumes = "application/json")
  @Operation(summary = "The last lines of the running step's current log on the agent's host, for the run page")
  void live(@PathVariable long record, @RequestBody LiveLogs.LiveLog live) {
    steps.liveLog(record, live, hosts());
  }

  @PostMapping(path = "/steps/{record}/finish", consumes = "application/json")
  @Operation(summary = "The step has ended: recorded and reported to the engine")
  Map<String, Boolean> finish(@PathVariable long record, @RequestBody StepReport report) {
    return Map.of("reported", asServer(() -> steps.finish(record, report, hosts())));
  }

  @GetMapping("/steps/unfinished")
  @Operation(summary = "The steps this agent node left RUNNING")
  List<StepServer.Unfinished> unfinished(@RequestParam String node) {
    return asServer(() -> steps.unfinished(node, hosts()));
  }

  @PostMapping(path = "/steps/{record}/interrupted", consumes = "application/json")
  @Operation(summary = "A step found RUNNING at the agent's start: to the interrupted-step decision")
  void interrupted(@PathVariable long record, @RequestBody Interruption interruption) {
    asServer(() -> {
      steps.interrupted(record, interruption.leftovers(), interruption.tail(), hosts());
      return null;
    });
  }

  @GetMapping("/sites/{site}/good-snapshot")
  @Operation(summary = "The last verified snapshot of a site of the agent's hosts (404: none yet)")
  ResponseEntity<GoodSnapshots.GoodSnapshot> lastGoodSnapshot(@PathVariable String site) {
    steps.ownSite(site, hosts());
    return ResponseEntity.of(goodSnapshots.last(site));
  }

  @PostMapping(path = "/sites/{site}/good-snapshot", consumes = "application/json")
  @Operation(summary = "A run of the site has verified a snapshot of it")
  void goodSnapshot(@PathVariable String site, @RequestBody GoodSnapshotRequest request) {
    RunIdentity identity = steps.ownRun(request.run(), hosts());
    if (!identity.site().equals(site)) {
      throw new AgentRefusedException("Run " + request.run() + " works on site " + identity.site() + ", not "
          + site + ": nothing was recorded.");
    }
    goodSnapshots.record(site, request.run(), request.path(), request.sizeBytes());
  }

  /**
   * Once the agent's own tasks and runs are checked (AgentSteps), the server records and reports for it as
   * it does for its own worker: without the agent's Camunda authorizations, which allow no more than fetching.
   */
  private <T> T asServer(Supplier<T> work) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return work.get();
    } finally {
      identity.setAuthentication(caller);
    }
  }

  private static Set<String> hosts() {
    return AgentHosts.ofCaller();
  }
}

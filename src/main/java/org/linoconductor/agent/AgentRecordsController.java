package org.linoconductor.agent;

import static org.linoconductor.agent.BadAgentRequestException.required;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.linoconductor.input.Shown;
import org.linoconductor.rollback.CopyRecords;
import org.linoconductor.rollback.CopyRecords.Copy;
import org.linoconductor.rollback.CopyRecords.Kind;
import org.linoconductor.step.AgentRefusedException;
import org.linoconductor.step.AgentSteps;
import org.linoconductor.step.RunIdentity;
import org.linoconductor.upgrade.CodeState;
import org.linoconductor.upgrade.CodeStateRepository;
import org.linoconductor.upgrade.CodeStateRepository.Phase;
import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The records an upgrade's steps keep on the server, for the steps a step agent runs: the code before and
 * after {@code pull.sh} and the roll-back's copies. Only users of group conductor-agents get here
 * (security.RestSecurity), and each only for the runs and sites of its hosts ({@link AgentHosts}).
 */
@RestController
@Profile("!agent")
@RequestMapping(path = "/api/agent", produces = "application/json")
@Tag(name = "Step agents")
class AgentRecordsController {

  private final AgentSteps steps;
  private final CodeStateRepository codeStates;
  private final CopyRecords copies;

  AgentRecordsController(AgentSteps steps, CodeStateRepository codeStates, CopyRecords copies) {
    this.steps = steps;
    this.codeStates = codeStates;
    this.copies = copies;
  }

  /** A copy made on the agent's host; the server's clock says when. */
  record CopyRequest(String site, Kind kind, String path, String source, long sizeBytes) {}

  record Removal(String byRun) {}

  @GetMapping("/runs/{run}/code-states/{phase}")
  @Operation(summary = "The code a run of the agent's hosts recorded before or after pull.sh (404: none)")
  ResponseEntity<CodeState> codeState(@PathVariable String run, @PathVariable Phase phase) {
    steps.ownRun(run, hosts());
    return ResponseEntity.of(codeStates.find(run, phase));
  }

  @PutMapping(path = "/runs/{run}/code-states/{phase}", consumes = "application/json")
  @Operation(summary = "The code of a run's site before or after pull.sh, read on the agent's host")
  void saveCodeState(@PathVariable String run, @PathVariable Phase phase, @RequestBody CodeState state) {
    steps.ownRun(run, hosts());
    codeStates.save(run, phase, state, Instant.now());
  }

  @GetMapping("/runs/{run}/copies")
  @Operation(summary = "Every copy a run of the agent's hosts made, removed or not")
  List<Copy> copiesOfRun(@PathVariable String run) {
    steps.ownRun(run, hosts());
    return copies.ofRun(run);
  }

  @PostMapping(path = "/runs/{run}/copies", consumes = "application/json")
  @Operation(summary = "A step of the run has copied the site's database or env on the agent's host")
  void copyMade(@PathVariable String run, @RequestBody CopyRequest request) {
    RunIdentity identity = steps.ownRun(run, hosts());
    if (!identity.site().equals(request.site())) {
      throw new AgentRefusedException("Run " + run + " works on site " + identity.site() + ", not "
          + request.site() + ": no copy was recorded.");
    }
    copies.made(identity.site(), run, required("kind", request.kind()), absolute(required("path", request.path())),
        required("source", request.source()), request.sizeBytes(), Instant.now());
  }

  private static Path absolute(String path) {
    try {
      Path parsed = Path.of(path);
      if (parsed.isAbsolute()) {
        return parsed;
      }
    } catch (InvalidPathException e) {
      // answered below
    }
    throw new BadAgentRequestException("path", "A copy's path is an absolute path on the agent's host, not "
        + Shown.quoted(path) + ": nothing was recorded.");
  }

  @PostMapping(path = "/runs/{run}/copies/{id}/restored")
  @Operation(summary = "A roll-back of the run has put this copy back")
  void copyRestored(@PathVariable String run, @PathVariable long id) {
    steps.ownRun(run, hosts());
    Copy copy = copies.ofRun(run).stream().filter(each -> each.id() == id).findFirst()
        .orElseThrow(() -> new AgentRefusedException("Run " + run + " made no copy " + id + ": nothing was changed."));
    copies.restored(copy, Instant.now());
  }

  @PostMapping(path = "/runs/{run}/copies/removed", consumes = "application/json")
  @Operation(summary = "A later run of the same site has removed the copies of this run from disk")
  void copiesRemoved(@PathVariable String run, @RequestBody Removal removal) {
    RunIdentity older = steps.ownRun(run, hosts());
    RunIdentity by = steps.ownRun(required("byRun", removal.byRun()), hosts());
    if (!older.site().equals(by.site())) {
      throw new AgentRefusedException("Run " + removal.byRun() + " works on site " + by.site() + ", run " + run
          + " on " + older.site() + ": a run removes only the copies of its own site; nothing was changed.");
    }
    copies.removed(run, removal.byRun(), Instant.now());
  }

  @GetMapping("/sites/{site}/copies")
  @Operation(summary = "The copies of a site of the agent's hosts still on disk, newest first")
  List<Copy> keptCopies(@PathVariable String site) {
    steps.ownSite(site, hosts());
    return copies.kept(site);
  }

  private static Set<String> hosts() {
    return AgentHosts.ofCaller();
  }
}

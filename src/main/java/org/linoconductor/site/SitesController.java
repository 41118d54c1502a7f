package org.linoconductor.site;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.linoconductor.agent.AgentPresence;
import org.linoconductor.security.ApiAccess;
import org.linoconductor.site.SiteRequestReader.Spelling;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/sites}: any authenticated user may read the registry, with each site's state, history
 * and corrections; only operators may register, correct and remove. Authentication happens in a
 * servlet filter before a request gets here; bodies are read as text and parsed only after the
 * operator check, by {@link SiteRequestReader}, which refuses unknown keys.
 */
@RestController
@RequestMapping(path = "/api/sites", produces = "application/json")
@Tag(name = "Sites", description = "The site registry. Errors answer {\"error\": \"what and what to do\", \"field\":"
    + " \"the key at fault\"}; 401 without a user, 403 for a user who is not in conductor-operators.")
class SitesController {

  private static final SiteRequestReader JSON = new SiteRequestReader(Spelling.JSON);

  private final SiteRegistry registry;
  private final SiteCorrections corrections;
  private final SiteCorrectionRepository correctionRecords;
  private final ApiAccess access;
  private final AgentPresence agents;

  SitesController(SiteRegistry registry, SiteCorrections corrections, SiteCorrectionRepository correctionRecords,
      ApiAccess access, AgentPresence agents) {
    this.agents = agents;
    this.registry = registry;
    this.corrections = corrections;
    this.correctionRecords = correctionRecords;
    this.access = access;
  }

  @GetMapping
  @Operation(summary = "All registered sites, by name, each with its state history and corrections")
  List<SiteView> all() {
    Map<String, List<SiteStateChange>> histories = registry.histories();
    Map<String, List<SiteCorrection>> corrected = correctionRecords.all();
    return registry.all().stream().map(site -> SiteView.of(site, histories.getOrDefault(site.name(), List.of()),
        corrected.getOrDefault(site.name(), List.of()), waiting(site))).toList();
  }

  @GetMapping("/{name}")
  @Operation(summary = "One site", responses = {
      @ApiResponse(responseCode = "200", description = "The site"),
      @ApiResponse(responseCode = "404", description = "No site has that name")})
  SiteView one(@PathVariable String name) {
    return view(registry.require(name));
  }

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Register a site (operators)",
      description = "Checks the directory on disk (exists, under root, holds manage.py). States and database kinds"
          + " in any case; unknown keys are refused.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          schema = @Schema(implementation = SiteRequest.class),
          examples = @ExampleObject(name = "getlino site", value = SiteExamples.GETLINO_SITE))),
      responses = {
          @ApiResponse(responseCode = "201", description = "Registered; Location names the site"),
          @ApiResponse(responseCode = "400", description = "Invalid: unknown key, wrong type, too long, bad path"),
          @ApiResponse(responseCode = "403", description = "Not an operator"),
          @ApiResponse(responseCode = "409", description = "Name taken, directory registered as another site, or a"
              + " second PRODUCTION site in the root")})
  ResponseEntity<SiteView> register(@RequestBody(required = false) String body) {
    String operator = access.requireOperator("register sites");
    Site site = registry.register(JSON.read(body), operator, null);
    return ResponseEntity.created(URI.create("/api/sites/" + site.name())).body(view(site));
  }

  @PutMapping(path = "/{name}", consumes = "application/json")
  @Operation(summary = "Correct a registration: replace it (operators)",
      description = "The whole registration, checked as at registration; keys left out take their defaults."
          + " 'name' and 'state' may be left out, else they must be the site's: a correction never renames a site"
          + " nor changes its state. Recorded in 'corrections' with who and when.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          schema = @Schema(implementation = SiteRequest.class),
          examples = @ExampleObject(name = "getlino site", value = SiteExamples.GETLINO_SITE))),
      responses = {
          @ApiResponse(responseCode = "200", description = "Corrected (or unchanged)"),
          @ApiResponse(responseCode = "400", description = "Invalid, as for a registration, or another name"),
          @ApiResponse(responseCode = "403", description = "Not an operator"),
          @ApiResponse(responseCode = "404", description = "No site has that name"),
          @ApiResponse(responseCode = "409", description = "A run holds the site; another state; ARCHIVED; the"
              + " directory is another site's or moves away from a root link")})
  SiteView replace(@PathVariable String name, @RequestBody(required = false) String body) {
    String operator = access.requireOperator("correct site registrations");
    SiteRequest request = JSON.read(body);
    return view(corrections.correct(name, current -> request, operator));
  }

  @PatchMapping(path = "/{name}", consumes = {"application/merge-patch+json", "application/json"})
  @Operation(summary = "Correct a registration: change some keys (operators)",
      description = "JSON merge patch (RFC 7396) of the registration: the keys given replace the registered ones,"
          + " serviceCommands action by action (each of stop, start, restartWeb stays required); null resets a"
          + " key to its default. Then checked as PUT.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
          schema = @Schema(implementation = SiteRequest.class),
          examples = @ExampleObject(name = "supervisor programs of a getlino site", value = SiteExamples.PATCH))),
      responses = {
          @ApiResponse(responseCode = "200", description = "Corrected (or unchanged)"),
          @ApiResponse(responseCode = "400", description = "Invalid, as for PUT"),
          @ApiResponse(responseCode = "403", description = "Not an operator"),
          @ApiResponse(responseCode = "404", description = "No site has that name"),
          @ApiResponse(responseCode = "409", description = "As for PUT")})
  SiteView patch(@PathVariable String name, @RequestBody(required = false) String body) {
    String operator = access.requireOperator("correct site registrations");
    ObjectNode patch = JSON.object(body);
    RequestKeys.check(patch, Spelling.JSON);
    return view(corrections.correct(name, current -> JSON.patched(current, patch), operator));
  }

  @DeleteMapping("/{name}")
  @Operation(summary = "Remove an unused site's registration (operators)",
      description = "Keeps the site's directory, its runs' records and its history rows; records who removed it.",
      responses = {
          @ApiResponse(responseCode = "204", description = "Removed"),
          @ApiResponse(responseCode = "403", description = "Not an operator"),
          @ApiResponse(responseCode = "404", description = "No site has that name"),
          @ApiResponse(responseCode = "409", description = "A run holds the site, the root's prod or preview link"
              + " points at it, or it is the production of a registered preview")})
  ResponseEntity<Void> remove(@PathVariable String name) {
    String operator = access.requireOperator("remove site registrations");
    corrections.remove(name, operator);
    return ResponseEntity.noContent().build();
  }

  private SiteView view(Site site) {
    return SiteView.of(site, registry.history(site.name()), correctionRecords.of(site.name()), waiting(site));
  }

  private String waiting(Site site) {
    return agents.waiting(site.host()).orElse(null);
  }
}

package org.linoconductor.site;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.linoconductor.security.ApiAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/sites}: any authenticated user may read the registry, with each site's state and
 * history; only operators may register.
 * Authentication itself happens in a servlet filter before a request gets here.
 */
@RestController
@RequestMapping(path = "/api/sites", produces = "application/json")
class SitesController {

  private final SiteRegistry registry;
  private final ApiAccess access;

  SitesController(SiteRegistry registry, ApiAccess access) {
    this.registry = registry;
    this.access = access;
  }

  @GetMapping
  List<SiteView> all() {
    Map<String, List<SiteStateChange>> histories = registry.histories();
    return registry.all().stream().map(site -> SiteView.of(site, histories.getOrDefault(site.name(), List.of())))
        .toList();
  }

  @GetMapping("/{name}")
  SiteView one(@PathVariable String name) {
    return SiteView.of(registry.require(name), registry.history(name));
  }

  @PostMapping(consumes = "application/json")
  ResponseEntity<SiteView> register(@RequestBody SiteRequest request) {
    String operator = access.requireOperator("register sites");
    Site site = registry.register(request, operator, null);
    return ResponseEntity.created(URI.create("/api/sites/" + site.name()))
        .body(SiteView.of(site, registry.history(site.name())));
  }
}

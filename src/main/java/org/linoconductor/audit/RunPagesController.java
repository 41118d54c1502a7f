package org.linoconductor.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.linoconductor.page.PageTemplates;
import org.linoconductor.page.SignedInUser;
import org.linoconductor.security.PageSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages {@code /runs} and {@code /runs/{id}}, for a user signed in at {@code /signin}. A
 * refused filter or an unknown run is answered as a page, not as the API's JSON.
 */
@Controller
class RunPagesController {

  private final RunQueries runs;
  private final PageTemplates pages;

  RunPagesController(RunQueries runs, PageTemplates pages) {
    this.runs = runs;
    this.pages = pages;
  }

  @GetMapping("/runs")
  ResponseEntity<String> list(@RequestParam(required = false) String site,
      @RequestParam(required = false) String process, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size,
      HttpServletRequest request) {
    RunScope scope = runs.scope();
    try {
      RunFilter filter = runs.filter(scope, site, process, outcome, from, to, page, size);
      return pages.page(HttpStatus.OK, "runs", "Runs", user(request),
          RunListPage.model(filter, runs.page(filter, scope), runs.visibleSites(scope), runs.processes(), null));
    } catch (BadRunRequestException e) {
      return pages.page(HttpStatus.BAD_REQUEST, "runs", "Runs", user(request),
          RunListPage.model(null, null, runs.visibleSites(scope), runs.processes(), e.getMessage()));
    }
  }

  @GetMapping("/runs/{id}")
  ResponseEntity<String> one(@PathVariable String id, HttpServletRequest request) {
    try {
      RunDetail detail = runs.detail(id, runs.scope());
      return pages.page(HttpStatus.OK, "run", RunDetailPage.title(detail), user(request), RunDetailPage.model(detail));
    } catch (RunNotFoundException e) {
      return pages.page(HttpStatus.NOT_FOUND, "no-such-run", "No such run", user(request),
          Map.of("problem", e.getMessage()));
    }
  }

  /** The filter in front of these pages lets only signed-in users through. */
  private static SignedInUser user(HttpServletRequest request) {
    return PageSession.signedIn(request).orElseThrow();
  }
}

package org.linoconductor.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.linoconductor.page.Html;
import org.linoconductor.page.PageLayout;
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

  RunPagesController(RunQueries runs) {
    this.runs = runs;
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
      return PageLayout.page("Runs", user(request),
          RunListPage.body(filter, runs.page(filter, scope), runs.visibleSites(scope), runs.processes(), null));
    } catch (BadRunRequestException e) {
      return PageLayout.page(HttpStatus.BAD_REQUEST, "Runs", user(request),
          RunListPage.body(null, null, runs.visibleSites(scope), runs.processes(), e.getMessage()));
    }
  }

  @GetMapping("/runs/{id}")
  ResponseEntity<String> one(@PathVariable String id, HttpServletRequest request) {
    try {
      RunDetail detail = runs.detail(id, runs.scope());
      return PageLayout.page(RunDetailPage.title(detail), user(request), RunDetailPage.body(detail));
    } catch (RunNotFoundException e) {
      return PageLayout.page(HttpStatus.NOT_FOUND, "No such run", user(request),
          "<h1>No such run</h1>\n<p class=\"problem\">" + Html.escape(e.getMessage())
              + "</p>\n<p><a href=\"/runs\">← All runs</a></p>\n");
    }
  }

  /** The filter in front of these pages lets only signed-in users through. */
  private static SignedInUser user(HttpServletRequest request) {
    return PageSession.signedIn(request).orElseThrow();
  }
}

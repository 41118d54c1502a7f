package org.linoconductor.upgrade;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** After the services started: the site's address answers. The contact's sign-in comes after. */
@Component
class CheckSiteStep implements Step {

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.CHECK_SITE;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    String url = context.site().url();
    if (url == null || url.isBlank()) {
      return StepOutcome.skipped("Site check skipped: site " + context.site().name() + " has no URL registered");
    }
    if (context.dryRun()) {
      return StepOutcome.skipped("dry run: " + url + " not checked");
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 400) {
        return StepOutcome.succeeded(url + " answered HTTP " + status);
      }
      return StepOutcome.failed(url + " answered HTTP " + status + ": the site does not work. Check the web"
          + " server's error log and log/lino.log, then retry or roll back.");
    } catch (IllegalArgumentException e) {
      return StepOutcome.failed("The site's URL " + url + " is not a valid address (" + e.getMessage()
          + "): correct it in the site registry.");
    } catch (IOException e) {
      return StepOutcome.failed(url + " did not answer (" + e + "): check that the web server runs, then retry"
          + " or roll back.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StepOutcome.failed("The check of " + url + " was interrupted.");
    }
  }
}

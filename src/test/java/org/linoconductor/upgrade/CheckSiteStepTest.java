package org.linoconductor.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.step.StepOutcome.Status;

class CheckSiteStepTest {

  private static SimulatedInstallation lino;
  private static SimulatedSite sim;
  private static HttpServer server;
  private final CheckSiteStep step = new CheckSiteStep();

  @BeforeAll
  static void start() throws IOException {
    lino = new SimulatedInstallation();
    sim = lino.freshSite();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      int status = switch (exchange.getRequestURI().getPath()) {
        case "/ok" -> 200;
        case "/moved" -> 302;
        default -> 500;
      };
      if (status == 302) {
        exchange.getResponseHeaders().add("Location", "/ok");
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  @Test
  void a_site_that_answers_200_works() {
    var outcome = check(url("/ok"));

    assertThat(outcome.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(outcome.summary()).isEqualTo(url("/ok") + " answered HTTP 200");
  }

  @Test
  void a_redirect_is_followed() {
    assertThat(check(url("/moved")).summary()).endsWith("answered HTTP 200");
  }

  @Test
  void a_server_error_fails_with_status_and_url() {
    var outcome = check(url("/broken"));

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).startsWith(url("/broken") + " answered HTTP 500");
  }

  @Test
  void a_site_that_does_not_answer_fails_with_the_url() throws IOException {
    int freePort;
    try (var socket = new java.net.ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + freePort + "/";

    var outcome = check(url);

    assertThat(outcome.status()).isEqualTo(Status.FAILED);
    assertThat(outcome.summary()).startsWith(url + " did not answer");
  }

  @Test
  void a_site_without_url_is_not_checked() {
    assertThat(check(null).status()).isEqualTo(Status.SKIPPED);
  }

  @Test
  void a_dry_run_checks_nothing() {
    var outcome = step.execute(lino.dryRun(SimulatedInstallation.site(sim, url("/broken")), step.topic(), Map.of()));

    assertThat(outcome.status()).isEqualTo(Status.SKIPPED);
    assertThat(outcome.summary()).startsWith("dry run");
  }

  private StepOutcome check(String url) {
    return step.execute(lino.real(SimulatedInstallation.site(sim, url), step.topic()));
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }
}

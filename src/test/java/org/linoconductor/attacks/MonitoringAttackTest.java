package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator attacked over real HTTP: the metrics (site names and the shape of every run) and the
 * health check's details (the database, the engine) for nobody but operators; no other endpoint at all.
 */
@ConductorWebTest
class MonitoringAttackTest {

  /** What Prometheus asks for when it scrapes. */
  private static final String PROMETHEUS = "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;

  @BeforeEach
  void users() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureTestersOf("anna");
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser("tester", "tester", ConductorGroups.testersOf("anna"));
    // Wrong passwords slow down their user's next sign-in: a user of this test's own takes them.
    authorizations.ensureUser("metrics_guesser", "metrics-guesser-password", ConductorGroups.OPERATORS);
  }

  @Test
  void theMetricsAreRefusedToAnonymousCallersWrongPasswordsAndUsersWhoAreNotOperators() {
    assertThat(metrics(Http.anonymous(port)).statusCode()).isEqualTo(401);
    assertThat(metrics(Http.as(port, "metrics_guesser", "wrong")).statusCode()).isEqualTo(401);
    HttpResponse<String> tester = metrics(Http.as(port, "tester", "tester"));
    assertThat(tester.statusCode()).isEqualTo(403);
    assertThat(tester.body()).doesNotContain("conductor_");
    assertThat(metrics(Http.signedIn(port, "tester", "tester")).statusCode()).isEqualTo(403);
    assertThat(metrics(Http.as(port, "operator", "operator")).statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> metrics(Http caller) {
    return caller.with("Accept", PROMETHEUS).get("/actuator/prometheus");
  }

  @Test
  void theHealthCheckShowsItsDetailsToOperatorsOnly() {
    assertThat(Http.anonymous(port).get("/actuator/health").body()).doesNotContain("components", "db", "engine");
    assertThat(Http.as(port, "tester", "tester").get("/actuator/health").body()).doesNotContain("components");
    assertThat(Http.anonymous(port).get("/actuator/health/db").statusCode()).isIn(401, 404);
    assertThat(Http.as(port, "tester", "tester").get("/actuator/health/db").statusCode()).isIn(403, 404);
    assertThat(Http.as(port, "operator", "operator").get("/actuator/health").body()).contains("\"db\"");
  }

  @Test
  void noOtherActuatorEndpointIsThereForAnyone() {
    for (String endpoint : new String[] {"env", "beans", "configprops", "heapdump", "threaddump", "loggers",
        "mappings", "metrics", "shutdown"}) {
      assertThat(Http.as(port, "operator", "operator").get("/actuator/" + endpoint).statusCode())
          .as(endpoint).isIn(403, 404, 405);
    }
  }
}

package org.linoconductor.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /actuator/health and /actuator/prometheus over real HTTP, after a real run on a simulated site. */
@ConductorWebTest
class MonitoringTest {

  private static final String SITE = "metrics_site";

  /** What Prometheus asks for when it scrapes. */
  private static final String PROMETHEUS = "text/plain;version=0.0.4;q=0.3,*/*;q=0.2";

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RuntimeService runtime;

  @BeforeEach
  void operator() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
  }

  @Test
  void aLoadBalancerSeesTheStatusOnlyAndAnOperatorTheDatabaseAndTheEngine() {
    HttpResponse<String> open = Http.anonymous(port).get("/actuator/health");
    HttpResponse<String> detailed = Http.as(port, "operator", "operator").get("/actuator/health");

    assertThat(open.statusCode()).isEqualTo(detailed.statusCode());
    assertThat(Http.json(open).fieldNames()).toIterable().containsExactly("status");
    assertThat(Http.json(detailed).get("components").has("db")).isTrue();
    assertThat(Http.json(detailed).get("components").get("db").get("status").asText()).isEqualTo("UP");
    assertThat(Http.json(detailed).get("components").get("processEngine").get("status").asText()).isEqualTo("UP");
  }

  @Test
  void theMetricsCountARunAndItsStepsByProcessOutcomeAndStep() {
    TestLino.productionSite(registry, SITE);
    Http operator = Http.as(port, "operator", "operator");
    double startedBefore = value(scrape(operator), "conductor_runs_started_total{application=\"lino-conductor\","
        + "process=\"" + SiteSnapshotProcess.KEY + "\"}");

    HttpResponse<String> start = operator.postJson("/engine-rest/process-definition/key/"
        + SiteSnapshotProcess.KEY + "/start", "{\"variables\":{\"site\":{\"value\":\"" + SITE + "\"}}}");
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    String run = Http.json(start).get("id").asText();
    await().atMost(Duration.ofSeconds(60))
        .until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);

    String metrics = scrape(operator);
    assertThat(value(metrics, "conductor_runs_started_total{application=\"lino-conductor\",process=\""
        + SiteSnapshotProcess.KEY + "\"}")).isEqualTo(startedBefore + 1);
    assertThat(metrics).containsPattern("conductor_runs_ended_total\\{[^}]*outcome=\"succeeded\",process=\""
        + SiteSnapshotProcess.KEY + "\"} [1-9]");
    assertThat(metrics).containsPattern("conductor_steps_seconds_count\\{[^}]*process=\"" + SiteSnapshotProcess.KEY
        + "\",status=\"succeeded\",step=\"" + SiteSnapshotProcess.Topics.MAKE_SNAPSHOT + "\"} [1-9]");
    assertThat(metrics).contains("conductor_steps_seconds_sum{").contains("conductor_tasks_waiting{")
        .contains("conductor_tasks_oldest_age_seconds{");
  }

  private String scrape(Http operator) {
    HttpResponse<String> response = operator.with("Accept", PROMETHEUS).get("/actuator/prometheus");
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  /** The value of one series, 0 when it is not there yet. */
  private static double value(String metrics, String series) {
    return metrics.lines().filter(line -> line.startsWith(series + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(series.length() + 1))).orElse(0.0);
  }
}

package org.linoconductor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The four-eyes rule over Camunda's REST API, as Tasklist meets it: a real upgrade of a site with
 * the rule, run by the worker, then its sign-off claimed and completed over HTTP.
 */
@ConductorWebTest
class FourEyesWebTest {

  private static final String SITE = "web_4eyes";
  private static final String REFUSAL = "Four-eyes rule for site " + SITE + ": user olga started this run, so"
      + " another tester or operator must sign it off.";
  private static final String SITE_WORKS = "{\"variables\": {\"siteWorks\": {\"value\": true}}}";

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;

  @BeforeEach
  void twoOperatorsExist() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("olga", "olga", ConductorGroups.OPERATORS);
    authorizations.ensureUser("tom", "tom", ConductorGroups.OPERATORS);
  }

  @Test
  void whoStartedTheUpgradeIsRefusedWithTheRuleNamedAndAnotherOperatorSignsItOff() {
    TestLino.productionSite(registry, SITE, true);
    Http olga = Http.as(port, "olga", "olga");
    Http tom = Http.as(port, "tom", "tom");
    HttpResponse<String> started = olga.postJson("/engine-rest/process-definition/key/"
        + ProductionUpgradeProcess.KEY + "/start", "{\"variables\": {\"site\": {\"value\": \"" + SITE + "\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String run = Http.json(started).get("id").asText();
    String signOff = awaitSignOff(olga, run);
    assertThat(Http.json(olga.get("/api/sites/" + SITE)).get("fourEyes").asBoolean()).isTrue();

    HttpResponse<String> claim = olga.postJson("/engine-rest/task/" + signOff + "/claim", "{\"userId\": \"olga\"}");
    HttpResponse<String> complete = olga.postJson("/engine-rest/task/" + signOff + "/complete", SITE_WORKS);

    // Camunda wraps what a task listener throws: 500, the rule's message inside its own.
    assertRefused(claim, "ProcessEngineException");
    assertRefused(complete, "RestException");
    assertThat(Http.json(olga.get("/engine-rest/task/" + signOff)).get("assignee").isNull()).isTrue();
    HttpResponse<String> signedOff = tom.postJson("/engine-rest/task/" + signOff + "/complete", SITE_WORKS);
    assertThat(signedOff.statusCode()).as(signedOff.body()).isEqualTo(204);
    JsonNode record = Http.json(olga.get("/api/runs/" + run)).get("run");
    assertThat(record.get("startedBy").asText()).isEqualTo("olga");
    assertThat(record.get("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(record.get("decisions").get(0).get("decidedBy").asText()).isEqualTo("tom");
  }

  private static void assertRefused(HttpResponse<String> response, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(500);
    assertThat(Http.json(response).get("type").asText()).isEqualTo(type);
    assertThat(Http.json(response).get("message").asText()).contains(REFUSAL);
  }

  /** The id of the run's sign-off once the worker has run every step of the upgrade. */
  private static String awaitSignOff(Http user, String run) {
    String query = "/engine-rest/task?processInstanceId=" + run + "&taskDefinitionKey="
        + ProductionUpgradeProcess.Elements.SIGN_OFF;
    await().atMost(Duration.ofSeconds(90)).until(() -> Http.json(user.get(query)).size() == 1);
    return Http.json(user.get(query)).get(0).get("id").asText();
  }
}

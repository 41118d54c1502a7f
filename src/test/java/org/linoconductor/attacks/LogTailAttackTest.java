package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The log tail's {@code log} parameter (which log of a step the caller has read, for {@code
 * conductor follow}) names no file: whatever it says, the answer is the step's own current log.
 */
@ConductorWebTest
class LogTailAttackTest {

  private static final String SITE = "tail_attack";
  /** The run whose step the attacks read: one for the class. */
  private static String made;

  @LocalServerPort int port;
  @Autowired SiteRegistry registry;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired RuntimeService runtime;

  @ParameterizedTest
  @ValueSource(strings = {"../../../../../../etc/passwd", "/etc/passwd", "make-snapshot-1.log/../../../../etc/hosts",
      "..", "make-snapshot-1.log\u0000", "%2e%2e%2fetc%2fpasswd"})
  void aHostileLogNameOnlyRestartsTheStepsOwnLog(String hostile) {
    JsonNode step = snapshotStep();
    Http operator = Http.as(port, "operator", "operator");
    String own = operator.get(step.get("logUrl").asText()).body();

    JsonNode answer = Http.json(operator.get(step.get("tailUrl").asText() + "?from=5&log="
        + URLEncoder.encode(hostile, StandardCharsets.UTF_8)));

    assertThat(answer.get("from").asLong()).isZero();
    assertThat(answer.get("text").asText()).isEqualTo(own).doesNotContain("root:x:0:0");
    assertThat(answer.get("log").asText()).isEqualTo("make-snapshot-1.log");
  }

  @Test
  void aUserWhoMayNotSeeTheRunGetsNoTailWhateverTheLogNameSays() {
    JsonNode step = snapshotStep();
    authorizations.ensureUser("tail_stranger", "tail_stranger");
    assertThat(Http.as(port, "tail_stranger", "tail_stranger")
        .get(step.get("tailUrl").asText() + "?from=0&log=make-snapshot-1.log").statusCode()).isEqualTo(404);
  }

  /** The make-snapshot step of one site-snapshot run, made once. */
  private synchronized JsonNode snapshotStep() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    Http operator = Http.as(port, "operator", "operator");
    if (made == null) {
      TestLino.productionSite(registry, SITE);
      var started = operator.postJson("/engine-rest/process-definition/key/" + SiteSnapshotProcess.KEY + "/start",
          "{\"variables\":{\"site\":{\"value\":\"" + SITE + "\"}}}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
      made = Http.json(started).get("id").asText();
      await().atMost(Duration.ofSeconds(60))
          .until(() -> runtime.createProcessInstanceQuery().processInstanceId(made).count() == 0);
    }
    return Http.json(operator.get("/api/runs/" + made)).get("steps").get(0);
  }
}

package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.AgentUsers;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.rollback.CopyRecords;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.upgrade.CodeStateRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The records an agent's upgrade steps keep on the server (code states, the roll-back's copies), over real
 * HTTP: an agent reads and writes those of its own hosts' runs only, a copy only for its run's own site, a
 * removal only between runs of one site; nobody but agents gets there; a copy's path must be a path. A live
 * log goes only to the agent's own running step; a log path an agent reports is never opened on the server.
 */
@ConductorWebTest
class AgentRecordsAttackTest {

  private static final String HOST_X = "ar-x";
  private static final String HOST_Y = "ar-y";
  private static final String SITE_X = "ar_xsite";
  private static final String OTHER_SITE_X = "ar_xother";
  private static final String HOST_HEADER = "X-Conductor-Agent-Host";
  private static final String CODE = "{\"revisions\": {\"lino\": \"forged\"}, \"packages\": []}";

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired CodeStateRepository codeStates;
  @Autowired CopyRecords copies;

  private Http operator;
  private Http agentX;
  private Http agentY;

  @BeforeEach
  void agentsOfTwoHostsAndAnOperator() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    AgentUsers.ensure(authorizations, "ar_agent_x", HOST_X);
    AgentUsers.ensure(authorizations, "ar_agent_y", HOST_Y);
    TestLino.productionSiteOn(registry, SITE_X, HOST_X);
    TestLino.productionSiteOn(registry, OTHER_SITE_X, HOST_X);
    operator = Http.as(port, "operator", "operator");
    agentX = Http.as(port, "ar_agent_x", "ar_agent_x");
    agentY = Http.as(port, "ar_agent_y", "ar_agent_y");
  }

  @Test
  void anAgentOfHostYNeitherReadsNorWritesTheRecordsOfARunOnHostX() {
    String run = startSnapshot(SITE_X);

    assertRefused(agentY.putJson("/api/agent/runs/" + run + "/code-states/BEFORE", CODE));
    assertRefused(agentY.get("/api/agent/runs/" + run + "/code-states/BEFORE"));
    assertRefused(agentY.postJson("/api/agent/runs/" + run + "/copies", copy(SITE_X, "/tmp/forged")));
    assertRefused(agentY.get("/api/agent/runs/" + run + "/copies"));
    assertRefused(agentY.get("/api/agent/sites/" + SITE_X + "/copies"));
    assertThat(codeStates.find(run, CodeStateRepository.Phase.BEFORE)).isEmpty();
    assertThat(copies.ofRun(run)).isEmpty();

    // The agent of host X may; the other still may not mark its copy restored nor its run's copies removed.
    assertThat(agentX.putJson("/api/agent/runs/" + run + "/code-states/BEFORE", CODE).statusCode()).isEqualTo(200);
    assertThat(codeStates.find(run, CodeStateRepository.Phase.BEFORE)).isPresent();
    assertThat(agentX.postJson("/api/agent/runs/" + run + "/copies", copy(SITE_X, "/tmp/ar-copy")).statusCode())
        .isEqualTo(200);
    long id = copies.ofRun(run).get(0).id();
    assertRefused(agentY.postJson("/api/agent/runs/" + run + "/copies/" + id + "/restored", ""));
    assertRefused(agentY.postJson("/api/agent/runs/" + run + "/copies/removed", "{\"byRun\": \"" + run + "\"}"));
    assertThat(copies.ofRun(run)).singleElement().satisfies(copy -> {
      assertThat(copy.restoredAt()).isNull();
      assertThat(copy.removedAt()).isNull();
    });
    runtime.deleteProcessInstance(run, "test over");
  }

  @Test
  void anAgentRecordsCopiesOnlyForItsRunsOwnSiteAndRemovesOnlyThoseOfThatSite() {
    String run = startSnapshot(SITE_X);
    String otherRun = startSnapshot(OTHER_SITE_X);

    assertRefused(agentX.postJson("/api/agent/runs/" + run + "/copies", copy(OTHER_SITE_X, "/tmp/ar-other")));
    assertThat(agentX.postJson("/api/agent/runs/" + otherRun + "/copies", copy(OTHER_SITE_X, "/tmp/ar-other"))
        .statusCode()).isEqualTo(200);
    assertRefused(agentX.postJson("/api/agent/runs/" + otherRun + "/copies/removed", "{\"byRun\": \"" + run
        + "\"}"));
    long otherCopy = copies.ofRun(otherRun).get(0).id();
    assertRefused(agentX.postJson("/api/agent/runs/" + run + "/copies/" + otherCopy + "/restored", ""));
    assertThat(copies.ofRun(otherRun)).singleElement().satisfies(copy -> {
      assertThat(copy.site()).isEqualTo(OTHER_SITE_X);
      assertThat(copy.removedAt()).isNull();
      assertThat(copy.restoredAt()).isNull();
    });
    assertThat(copies.ofRun(run)).isEmpty();

    HttpResponse<String> notAPath = agentX.postJson("/api/agent/runs/" + run + "/copies",
        copy(SITE_X, "relative/../copy"));
    assertThat(notAPath.statusCode()).as(notAPath.body()).isEqualTo(400);
    assertThat(Http.json(notAPath).get("error").asText()).contains("absolute path");
    HttpResponse<String> noKind = agentX.postJson("/api/agent/runs/" + run + "/copies",
        "{\"site\": \"" + SITE_X + "\", \"path\": \"/tmp/x\", \"source\": \"x\"}");
    assertThat(noKind.statusCode()).as(noKind.body()).isEqualTo(400);
    assertThat(copies.ofRun(run)).isEmpty();
    runtime.deleteProcessInstance(run, "test over");
    runtime.deleteProcessInstance(otherRun, "test over");
  }

  @Test
  void aLiveLogGoesOnlyToItsOwnAgentsRunningStepAndAReportedLogPathIsNeverOpenedOnTheServer() {
    String run = startSnapshot(SITE_X);
    JsonNode fetched = Http.json(agentX.with(HOST_HEADER, HOST_X).postJson("/engine-rest/external-task/fetchAndLock",
        "{\"workerId\": \"ar-worker-x\", \"maxTasks\": 1, \"topics\": [{\"topicName\": \""
            + SiteSnapshotProcess.Topics.MAKE_SNAPSHOT + "\", \"lockDuration\": 60000}]}"));
    assertThat(fetched).hasSize(1);
    HttpResponse<String> started = agentX.postJson("/api/agent/steps", "{\"externalTaskId\": \""
        + fetched.get(0).get("id").asText() + "\", \"node\": \"ar-worker-x\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    long record = Http.json(started).get("record").asLong();
    String tail = "/api/runs/" + run + "/steps/" + record + "/tail";

    assertRefused(agentY.postJson("/api/agent/steps/" + record + "/live", live("make-snapshot-1.log", "forged")));
    assertRefused(agentX.postJson("/api/agent/steps/" + record + "/live", live("../../etc/passwd", "forged")));
    assertRefused(agentX.postJson("/api/agent/steps/" + record + "/live", live("x.log", "x".repeat(70_000))));
    assertThat(Http.json(operator.get(tail)).get("text").asText()).isEmpty();
    assertThat(agentX.postJson("/api/agent/steps/" + record + "/live", live("make-snapshot-1.log", "dumping\\n"))
        .statusCode()).isEqualTo(200);
    assertThat(Http.json(operator.get(tail)).get("text").asText()).isEqualTo("dumping\n");

    // A stack trace longer than Camunda's text columns is recorded (Conductor's own table), not refused.
    HttpResponse<String> finished = agentX.postJson("/api/agent/steps/" + record + "/finish",
        "{\"status\": \"ERROR\", \"summary\": \"broke\", \"details\": \"" + "at x\\n".repeat(2000)
            + "\", \"logPath\": \"/etc/passwd\"}");
    assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
    assertThat(operator.get("/api/runs/" + run + "/steps/" + record + "/log").statusCode()).isEqualTo(404);
    assertThat(Http.json(operator.get(tail)).get("text").asText()).doesNotContain("root:");
    runtime.deleteProcessInstance(run, "test over");
  }

  @Test
  void nobodyButAgentsReachesTheRecords() {
    String run = startSnapshot(SITE_X);

    assertRefused(operator.putJson("/api/agent/runs/" + run + "/code-states/BEFORE", CODE));
    assertRefused(operator.get("/api/agent/runs/" + run + "/copies"));
    assertThat(Http.anonymous(port).get("/api/agent/sites/" + SITE_X + "/copies").statusCode()).isEqualTo(401);
    assertThat(codeStates.find(run, CodeStateRepository.Phase.BEFORE)).isEmpty();
    runtime.deleteProcessInstance(run, "test over");
  }

  @AfterEach
  void noRunHoldsTheSites() {
    runtime.createProcessInstanceQuery().processDefinitionKey(SiteSnapshotProcess.KEY).list().stream()
        .filter(run -> HOST_X.equals(run.getTenantId()))
        .forEach(run -> runtime.deleteProcessInstance(run.getId(), "test over"));
  }

  private String startSnapshot(String site) {
    HttpResponse<String> started = operator.postJson("/engine-rest/process-definition/key/"
        + SiteSnapshotProcess.KEY + "/start", "{\"variables\":{\"site\":{\"value\":\"" + site + "\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return Http.json(started).get("id").asText();
  }

  private static String live(String log, String content) {
    return "{\"log\": \"" + log + "\", \"from\": 0, \"content\": \"" + content + "\"}";
  }

  private static String copy(String site, String path) {
    return "{\"site\": \"" + site + "\", \"kind\": \"" + CopyRecords.Kind.DATABASE + "\", \"path\": \"" + path
        + "\", \"source\": \"default.db\", \"sizeBytes\": 1}";
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
  }
}

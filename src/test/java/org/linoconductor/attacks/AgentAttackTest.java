package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.AgentUsers;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A step agent's credentials open nothing but its host's external tasks and its own step records, over
 * real HTTP: no run list, no process start, no engine reads; an agent of host Y never receives, renews,
 * completes or records a task of host X, whatever its fetch asks for; nobody else reports steps.
 */
@ConductorWebTest
class AgentAttackTest {

  private static final String HOST_X = "aa-x";
  private static final String HOST_Y = "aa-y";
  private static final String SITE_X = "aa_xsite";
  private static final String HOST_HEADER = "X-Conductor-Agent-Host";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired ExternalTaskService externalTasks;
  @Autowired StepRunRepository stepRuns;

  private Http operator;
  private Http agentX;
  private Http agentY;

  @BeforeEach
  void agentsOfTwoHostsAndAnOperator() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    AgentUsers.ensure(authorizations, "aa_agent_x", HOST_X);
    AgentUsers.ensure(authorizations, "aa_agent_y", HOST_Y);
    authorizations.ensureUser("aa_nohost", "aa_nohost", ConductorGroups.AGENTS);
    TestLino.productionSiteOn(registry, SITE_X, HOST_X);
    operator = Http.as(port, "operator", "operator");
    agentX = Http.as(port, "aa_agent_x", "aa_agent_x");
    agentY = Http.as(port, "aa_agent_y", "aa_agent_y");
  }

  @Test
  void anAgentsCredentialsReadNoRunsAndStartNothing() {
    assertRefused(agentX.get("/api/runs"));
    assertRefused(agentX.get("/api/sites"));
    assertRefused(agentX.postJson("/engine-rest/process-definition/key/" + SiteSnapshotProcess.KEY + "/start",
        "{\"variables\":{\"site\":{\"value\":\"" + SITE_X + "\"}}}"));
    assertRefused(agentX.get("/engine-rest/process-instance"));
    assertRefused(agentX.get("/engine-rest/external-task"));
    assertRefused(agentX.get("/engine-rest/task"));
    assertRefused(agentX.postJson("/engine-rest/engine/default/external-task/fetchAndLock",
        fetch("aa-worker-x", null)));
    assertRefused(agentX.get("/runs"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SiteSnapshotProcess.KEY)
        .variableValueEquals("site", SITE_X).count()).isZero();
  }

  @Test
  void onlyAgentsReportSteps() {
    HttpResponse<String> refused = operator.postJson("/api/agent/steps",
        "{\"externalTaskId\": \"x\", \"node\": \"operator\"}");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.json(refused).get("error").asText()).contains("conductor-agents");
  }

  @Test
  void anAgentOfHostYNeverGetsNorTouchesATaskOfHostX() {
    String run = startSnapshot();

    // Whatever its fetch asks for: its own host's tenants only.
    JsonNode asked = Http.json(agentY.postJson("/engine-rest/external-task/fetchAndLock",
        fetch("aa-worker-y", "\"tenantIdIn\": [\"" + HOST_X + "\"]")));
    assertThat(asked).isEmpty();
    JsonNode withoutTenant = Http.json(agentY.postJson("/engine-rest/external-task/fetchAndLock",
        fetch("aa-worker-y", "\"withoutTenantId\": true")));
    assertThat(withoutTenant).isEmpty();
    assertRefused(agentY.with(HOST_HEADER, HOST_X).postJson("/engine-rest/external-task/fetchAndLock",
        fetch("aa-worker-y", null)));
    assertRefused(Http.as(port, "aa_nohost", "aa_nohost").postJson("/engine-rest/external-task/fetchAndLock",
        fetch("aa-worker-n", null)));
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(run).singleResult().getWorkerId()).isNull();

    // Its own agent gets it; the other may neither renew, complete nor unlock it, nor record its step.
    JsonNode fetched = Http.json(agentX.with(HOST_HEADER, HOST_X).postJson("/engine-rest/external-task/fetchAndLock",
        fetch("aa-worker-x", null)));
    assertThat(fetched).hasSize(1);
    String task = fetched.get(0).get("id").asText();
    assertThat(fetched.get(0).get("processInstanceId").asText()).isEqualTo(run);
    assertRefused(agentY.postJson("/engine-rest/external-task/" + task + "/extendLock",
        "{\"workerId\": \"aa-worker-x\", \"newDuration\": 60000}"));
    assertRefused(agentY.postJson("/engine-rest/external-task/" + task + "/complete",
        "{\"workerId\": \"aa-worker-x\"}"));
    assertRefused(agentY.postJson("/engine-rest/external-task/" + task + "/unlock", "{}"));
    assertRefused(agentY.postJson("/api/agent/steps", "{\"externalTaskId\": \"" + task
        + "\", \"node\": \"aa-worker-x\"}"));
    assertRefused(agentY.get("/api/agent/sites/" + SITE_X + "/good-snapshot"));
    assertThat(stepRuns.ofRun(run)).isEmpty();

    // The agent of host X records the step; the other may not finish it.
    HttpResponse<String> started = agentX.postJson("/api/agent/steps", "{\"externalTaskId\": \"" + task
        + "\", \"node\": \"aa-worker-x\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    long record = Http.json(started).get("record").asLong();
    assertRefused(agentY.postJson("/api/agent/steps/" + record + "/finish",
        "{\"status\": \"SUCCEEDED\", \"outcome\": \"SUCCEEDED\", \"summary\": \"forged\"}"));
    // Not even its own agent may end a step as the server's states say it (RUNNING, INTERRUPTED).
    assertRefused(agentX.postJson("/api/agent/steps/" + record + "/finish",
        "{\"status\": \"INTERRUPTED\", \"outcome\": \"SUCCEEDED\", \"summary\": \"forged\"}"));
    assertThat(stepRuns.ofRun(run)).singleElement().extracting(StepRun::status).isEqualTo(StepRun.Status.RUNNING);
    assertThat(Http.json(agentY.get("/api/agent/steps/unfinished?node=aa-worker-x"))).as("none of its hosts")
        .isEmpty();
    assertThat(Http.json(agentX.get("/api/agent/steps/unfinished?node=aa-worker-x"))).hasSize(1);
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(run).singleResult().getWorkerId())
        .isEqualTo("aa-worker-x");
    runtime.deleteProcessInstance(run, "test over");
  }

  private String startSnapshot() {
    HttpResponse<String> started = operator.postJson("/engine-rest/process-definition/key/"
        + SiteSnapshotProcess.KEY + "/start", "{\"variables\":{\"site\":{\"value\":\"" + SITE_X + "\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String run = Http.json(started).get("id").asText();
    await().atMost(PATIENCE).until(() -> externalTasks.createExternalTaskQuery().processInstanceId(run).count() == 1);
    return run;
  }

  private static String fetch(String worker, String topicFilter) {
    return "{\"workerId\": \"" + worker + "\", \"maxTasks\": 5, \"topics\": [{\"topicName\": \""
        + SiteSnapshotProcess.Topics.MAKE_SNAPSHOT + "\", \"lockDuration\": 60000"
        + (topicFilter == null ? "" : ", " + topicFilter) + "}]}";
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
  }
}

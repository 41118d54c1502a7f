package org.linoconductor.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.sim.Scenario;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ConductorWebTest
class TesterRunGrantsTest {

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Test
  void aTesterSeesTheRunsOfTheirSiteInTheEngineApiAndNoOthers() {
    authorizations.ensureTestersOf("grant_a");
    authorizations.ensureUser("tester_a", "tester_a", ConductorGroups.testersOf("grant_a"));
    String mine = waitingRun("grant_a");
    String other = waitingRun("grant_b");

    var response = Http.as(port, "tester_a", "tester_a")
        .get("/engine-rest/process-instance?processDefinitionKey=" + SiteSnapshotProcess.KEY);

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> seen = new ArrayList<>();
    Http.json(response).forEach(instance -> seen.add(instance.get("id").asText()));
    assertThat(seen).contains(mine).doesNotContain(other);
    runtime.deleteProcessInstance(mine, "test done");
    runtime.deleteProcessInstance(other, "test done");
  }

  @Test
  void aTesterNamedInTheRegistryButInNoGroupSeesThatSitesRuns() {
    // TestLino registers its production sites with "tester" as contact and tester.
    authorizations.ensureUser("tester", "tester");
    String named = waitingRun("grant_c");

    var response = Http.as(port, "tester", "tester")
        .get("/engine-rest/process-instance?processDefinitionKey=" + SiteSnapshotProcess.KEY);

    List<String> seen = new ArrayList<>();
    Http.json(response).forEach(instance -> seen.add(instance.get("id").asText()));
    assertThat(seen).contains(named);
    authorizations.ensureTestersOf("grant_a");
    authorizations.ensureUser("tester_a", "tester_a", ConductorGroups.testersOf("grant_a"));
    List<String> seenByOther = new ArrayList<>();
    Http.json(Http.as(port, "tester_a", "tester_a").get("/engine-rest/process-instance?processDefinitionKey="
        + SiteSnapshotProcess.KEY)).forEach(instance -> seenByOther.add(instance.get("id").asText()));
    assertThat(seenByOther).as("a tester of another site").doesNotContain(named);
    runtime.deleteProcessInstance(named, "test done");
  }

  /** A run that stays: its snapshot is empty, so it waits for an operator's decision. */
  private String waitingRun(String site) {
    TestLino.productionSite(registry, site).enable(Scenario.EMPTY_SNAPSHOT, "");
    String run = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY, Map.of(StepVariables.SITE, site))
        .getId();
    await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(run).count() == 1);
    return run;
  }
}

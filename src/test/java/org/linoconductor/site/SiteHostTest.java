package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.RunIdentities;
import org.linoconductor.step.StepRunRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A site's host: registered and shown, and the runs of such a site wait for its agent, never run here. */
@ConductorWebTest
class SiteHostTest {

  @TempDir Path root;
  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RunIdentities identities;
  @Autowired StepRunRepository steps;
  @Autowired RuntimeService runtime;
  @Autowired ExternalTaskService externalTasks;

  private Http operator;

  @BeforeEach
  void operatorExists() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    operator = Http.as(port, "operator", "operator");
  }

  @Test
  void aSiteOnAHostIsRegisteredWithItsHostAndSaysItWaitsForThatHostsAgent() {
    HttpResponse<String> created = operator.postJson("/api/sites", """
        {"name": "host_erna", "root": "/srv/far/away", "directory": "host_erna", "contact": "tester",
         "host": "lino7"}""");

    // The directories of a site on another host are not on this machine: they are not looked for here.
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode site = Http.json(operator.get("/api/sites/host_erna"));
    assertThat(site.get("host").asText()).isEqualTo("lino7");
    assertThat(site.get("waiting").asText()).startsWith("waiting for the agent on host lino7, last seen never");
    assertThat(registry.require("host_erna").host()).isEqualTo("lino7");
  }

  @Test
  void aHostIsAShortNameWithoutDots() {
    HttpResponse<String> refused = operator.postJson("/api/sites", """
        {"name": "host_olga", "root": "/srv/far/away", "directory": "host_olga", "contact": "tester",
         "host": "lino7.example.org"}""");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Http.json(refused).get("field").asText()).isEqualTo("host");
    assertThat(Http.json(refused).get("error").asText()).contains("no dots");
    assertThat(registry.find("host_olga")).isEmpty();
  }

  @Test
  void aSiteWithoutHostSaysNothingOfAgents() {
    TestLino.productionSite(registry, "host_none");

    JsonNode site = Http.json(operator.get("/api/sites/host_none"));

    assertThat(site.get("host").isNull()).isTrue();
    assertThat(site.get("waiting").isNull()).isTrue();
  }

  @Test
  void aRunOfASiteOnAHostKeepsItsHostAndIsNotRunByTheServersWorker() throws Exception {
    TestLino.productionSiteOn(registry, "host_paula", "lino8");

    HttpResponse<String> started = operator.postJson("/engine-rest/process-definition/key/"
        + SiteSnapshotProcess.KEY + "/start", "{\"variables\":{\"site\":{\"value\":\"host_paula\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String id = Http.json(started).get("id").asText();

    assertThat(identities.of(id).host()).isEqualTo("lino8");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).singleResult().getTenantId())
        .isEqualTo("lino8");
    // The server's worker is woken by the new task and would have started it within this time.
    TimeUnit.SECONDS.sleep(3);
    assertThat(steps.ofRun(id)).isEmpty();
    assertThat(externalTasks.createExternalTaskQuery().processInstanceId(id).singleResult().getWorkerId()).isNull();
    JsonNode run = Http.json(operator.get("/api/runs/" + id));
    assertThat(run.get("waiting").asText()).startsWith("waiting for the agent on host lino8, last seen never");
    assertThat(operator.get("/runs/" + id).body()).contains("waiting for the agent on host lino8");
    runtime.deleteProcessInstance(id, "test over");
  }
}

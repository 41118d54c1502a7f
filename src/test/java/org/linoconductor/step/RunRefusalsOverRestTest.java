package org.linoconductor.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.preview.PreviewSite;
import org.linoconductor.preview.PreviewSites;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Starting a process with wrong input over Camunda's REST API, as an operator would from a script:
 * a 400 whose message says what is wrong and what to write instead, never a 500 or a stack trace,
 * and no run left behind.
 */
@ConductorWebTest
class RunRefusalsOverRestTest {

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired RuntimeService runtime;

  private Http operator;

  @BeforeEach
  void anOperatorAndAPreviewOfAProductionSite() throws Exception {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    operator = Http.as(port, "operator", "operator");
    Path root = TestLino.productionSite(registry, "refu_prod").dir().getParent();
    if (registry.find("refu_prev").isEmpty()) {
      Files.createDirectories(root.resolve("refu_prev"));
      Files.writeString(root.resolve("refu_prev/manage.py"), "# a preview\n");
      registry.register(new SiteRequest("refu_prev", root.toString(), "refu_prev", SiteState.PREVIEW,
          DatabaseKind.SQLITE, false, "tester", List.of("tester"), null, null, null, null), null, null);
      previews.register(new PreviewSite("refu_prev", "refu_prod", false, null));
    }
  }

  @Test
  void anUnknownSite() {
    assertRefused("site-snapshot", "{\"site\":{\"value\":\"refu_nosuch\"}}", "Unknown site 'refu_nosuch'");
  }

  @Test
  void noSiteAtAll() {
    assertRefused("production-upgrade", "{}", "Start variable 'site' is missing");
  }

  @Test
  void aSiteInTheWrongStateForTheProcess() {
    assertRefused("upgrade-attempt", "{\"site\":{\"value\":\"refu_prod\"}}",
        "Process upgrade-attempt runs on PREVIEW sites only; site refu_prod is PRODUCTION");
  }

  @Test
  void aBadDurationLeavesNothingBehindAndTheSitesFree() {
    assertRefused("upgrade-attempt", "{\"site\":{\"value\":\"refu_prev\"},\"duration\":{\"value\":\"2 hours\"}}",
        "is '2 hours', which is no ISO-8601 duration: write e.g. PT1H");
    // Each refusal left the sites unlocked, or the next start would be refused as busy instead.
    assertRefused("upgrade-attempt", "{\"site\":{\"value\":\"refu_prev\"},\"startAt\":{\"value\":\"tomorrow\"}}",
        "which is no ISO date-time");
    assertRefused("upgrade-attempt", "{\"site\":{\"value\":\"refu_prev\"},\"timeoutDecision\":{\"value\":\"maybe\"}}",
        "write accept or cancel");
  }

  @Test
  void aBadNewSiteName() {
    assertRefused("preview-setup", "{\"site\":{\"value\":\"refu_prod\"},\"newSite\":{\"value\":\"preview\"}}",
        "New site 'preview' is refused");
  }

  @Test
  void malformedJson() {
    HttpResponse<String> response = operator.postJson(
        "/engine-rest/process-definition/key/site-snapshot/start", "{\"variables\":{\"site\":");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("\tat ");
  }

  private void assertRefused(String process, String variables, String message) {
    long runsBefore = runtime.createProcessInstanceQuery().processDefinitionKey(process).count();
    HttpResponse<String> response = operator.postJson("/engine-rest/process-definition/key/" + process + "/start",
        "{\"variables\":" + variables + "}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = Http.json(response);
    assertThat(error.get("message").asText()).contains(message);
    assertThat(response.body()).doesNotContain("\tat ", "Exception:");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(process).count()).isEqualTo(runsBefore);
  }
}

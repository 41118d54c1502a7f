package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linoconductor.site.SiteDirectories.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ConductorWebTest
class SitesApiTest {

  @TempDir Path root;
  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;

  private Http operator;
  private Http tester;

  @BeforeEach
  void operatorAndTesterExist() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureTestersOf("anna");
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser("tester", "tester", ConductorGroups.testersOf("anna"));
    operator = Http.as(port, "operator", "operator");
    tester = Http.as(port, "tester", "tester");
  }

  @Test
  void anOperatorRegistersASiteThatEveryUserCanThenRead() {
    site(root, "api_anna");

    HttpResponse<String> created = operator.postJson("/api/sites", body("api_anna"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).hasValue("/api/sites/api_anna");
    JsonNode site = Http.json(tester.get("/api/sites/api_anna"));
    assertThat(site.get("directory").asText()).isEqualTo(root.resolve("api_anna").toString());
    assertThat(site.get("state").asText()).isEqualTo("PREVIEW");
    assertThat(site.get("serviceCommands").get("stop").get(0).get(2).asText()).isEqualTo("apache2");
    assertThat(site.get("fourEyes").asBoolean(true)).isFalse();
    assertThat(Http.json(tester.get("/api/sites")).findValuesAsText("name")).contains("api_anna");
  }

  @Test
  void theFourEyesRuleIsRegisteredAndShown() {
    site(root, "api_dora");

    HttpResponse<String> created = operator.postJson("/api/sites",
        body("api_dora").replace("\"state\"", "\"fourEyes\": true, \"state\""));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(Http.json(tester.get("/api/sites/api_dora")).get("fourEyes").asBoolean()).isTrue();
  }

  @Test
  void aTesterMayNotRegisterSites() {
    site(root, "api_berta");

    HttpResponse<String> refused = tester.postJson("/api/sites", body("api_berta"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.json(refused).get("error").asText())
        .contains("'tester' may not register sites").contains("conductor-operators");
    assertThat(registry.find("api_berta")).isEmpty();
  }

  @Test
  void aReservedNameIsRefusedWithTheReasonAndNothingIsCreated() {
    site(root, "prod");

    HttpResponse<String> refused = operator.postJson("/api/sites", body("prod"));

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = Http.json(refused);
    assertThat(error.get("field").asText()).isEqualTo("name");
    assertThat(error.get("error").asText()).contains("'prod' is reserved");
    assertThat(refused.body()).doesNotContain("Exception", "at org.");
    assertThat(operator.get("/api/sites/prod").statusCode()).isEqualTo(404);
  }

  @Test
  void anUnknownSiteIs404WithWhereToRegisterIt() {
    HttpResponse<String> missing = operator.get("/api/sites/zora");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Http.json(missing).get("error").asText())
        .isEqualTo("Unknown site 'zora': register it under /api/sites or in the sites YAML");
  }

  @Test
  void aSecondRegistrationIsAConflict() {
    site(root, "api_carla");
    assertThat(operator.postJson("/api/sites", body("api_carla")).statusCode()).isEqualTo(201);

    HttpResponse<String> again = operator.postJson("/api/sites", body("api_carla"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again).get("error").asText()).contains("already registered");
  }

  @Test
  void aSecondProductionSiteInARootIsAConflictNamingTheProductionSite() {
    site(root, "api_erna");
    site(root, "api_fritz");
    assertThat(operator.postJson("/api/sites", body("api_erna", "PRODUCTION")).statusCode()).isEqualTo(201);

    HttpResponse<String> refused = operator.postJson("/api/sites", body("api_fritz", "PRODUCTION"));

    assertThat(refused.statusCode()).isEqualTo(409);
    JsonNode error = Http.json(refused);
    assertThat(error.get("field").asText()).isEqualTo("state");
    assertThat(error.get("error").asText()).isEqualTo("Site 'api_fritz' cannot be registered as PRODUCTION:"
        + " site 'api_erna' is the PRODUCTION site of the root " + root + " (the site its prod link serves),"
        + " and a root has only one. Register api_fritz as PREVIEW or OLD, or in a root of its own.");
    assertThat(operator.get("/api/sites/api_fritz").statusCode()).isEqualTo(404);
    assertThat(operator.postJson("/api/sites", body("api_fritz", "PREVIEW")).statusCode()).isEqualTo(201);
  }

  @Test
  void everySiteShowsItsStateAndItsHistoryFromTheRegistrationOn() {
    site(root, "api_gerd");
    site(root, "api_hanna");
    assertThat(operator.postJson("/api/sites", body("api_gerd", "PRODUCTION")).statusCode()).isEqualTo(201);
    HttpResponse<String> created = operator.postJson("/api/sites", body("api_hanna", "PREVIEW"));
    assertThat(Http.json(created).get("history")).hasSize(1);
    Instant before = Instant.now();
    registry.changeState("api_gerd", SiteState.OLD, "tester", "run-accept");
    registry.changeState("api_hanna", SiteState.PRODUCTION, "tester", "run-accept");

    JsonNode hanna = Http.json(tester.get("/api/sites/api_hanna"));

    assertThat(hanna.get("state").asText()).isEqualTo("PRODUCTION");
    JsonNode history = hanna.get("history");
    assertThat(history).hasSize(2);
    assertThat(history.get(0).get("from").isNull()).isTrue();
    assertThat(history.get(0).get("to").asText()).isEqualTo("PREVIEW");
    assertThat(history.get(0).get("changedBy").asText()).isEqualTo("operator");
    assertThat(history.get(0).get("run").isNull()).isTrue();
    assertThat(history.get(1).get("from").asText()).isEqualTo("PREVIEW");
    assertThat(history.get(1).get("to").asText()).isEqualTo("PRODUCTION");
    assertThat(history.get(1).get("changedBy").asText()).isEqualTo("tester");
    assertThat(history.get(1).get("run").asText()).isEqualTo("run-accept");
    assertThat(Instant.parse(history.get(1).get("changedAt").asText())).isBetween(before, Instant.now());

    JsonNode all = Http.json(tester.get("/api/sites"));
    JsonNode gerd = StreamSupport.stream(all.spliterator(), false)
        .filter(site -> site.get("name").asText().equals("api_gerd")).findFirst().orElseThrow();
    assertThat(gerd.get("state").asText()).isEqualTo("OLD");
    assertThat(gerd.get("history").findValuesAsText("to")).containsExactly("PRODUCTION", "OLD");
    assertThat(StreamSupport.stream(all.spliterator(), false)
        .filter(site -> site.get("name").asText().equals("api_hanna")).findFirst().orElseThrow().get("history"))
        .isEqualTo(history);
  }

  @Test
  void malformedJsonIsA400WithAJsonError() {
    HttpResponse<String> refused = operator.postJson("/api/sites", "{\"name\": \"anna\",");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Http.json(refused).get("error").asText()).contains("not valid JSON");
  }

  @Test
  void anUnknownStateIsA400NamingTheField() {
    HttpResponse<String> refused = operator.postJson("/api/sites",
        "{\"name\": \"api_dora\", \"state\": \"LIVE\"}");

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = Http.json(refused);
    assertThat(error.get("field").asText()).isEqualTo("state");
    assertThat(error.get("error").asText()).contains("'LIVE'").contains("preview, production, old, archived"
        + " (in any case)");
  }

  @Test
  void theStateIsAcceptedInAnyCaseAsTheYamlExampleWritesIt() {
    site(root, "api_ivo");

    HttpResponse<String> created = operator.postJson("/api/sites", body("api_ivo", "preview"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(Http.json(created).get("state").asText()).isEqualTo("PREVIEW");
  }

  @Test
  void anOperatorCorrectsARegistrationWithPutAndPatchAndEveryCorrectionIsShown() {
    site(root, "api_jana");
    assertThat(operator.postJson("/api/sites", body("api_jana")).statusCode()).isEqualTo(201);
    Instant before = Instant.now();

    HttpResponse<String> put = operator.putJson("/api/sites/api_jana", """
        {"root": "%s", "directory": "api_jana", "contact": "jana_owner", "testers": ["tester"],
         "databaseKind": "mysql", "serviceCommands": {
           "stop": [["sudo", "supervisorctl", "stop", "linod-jana"]],
           "start": [["sudo", "supervisorctl", "start", "linod-jana"]],
           "restartWeb": [["sudo", "service", "nginx", "reload"]]}}""".formatted(root));
    HttpResponse<String> patch = operator.patchJson("/api/sites/api_jana",
        "{\"url\": \"https://jana.example.org\", \"testers\": null,"
            + " \"serviceCommands\": {\"restartWeb\": [[\"sudo\", \"service\", \"nginx\", \"restart\"]]}}");

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
    JsonNode jana = Http.json(tester.get("/api/sites/api_jana"));
    assertThat(jana.get("state").asText()).as("a correction keeps the state").isEqualTo("PREVIEW");
    assertThat(jana.get("contact").asText()).isEqualTo("jana_owner");
    assertThat(jana.get("databaseKind").asText()).isEqualTo("MYSQL");
    assertThat(jana.get("url").asText()).isEqualTo("https://jana.example.org");
    assertThat(jana.get("serviceCommands").get("stop").get(0).get(1).asText()).isEqualTo("supervisorctl");
    assertThat(jana.get("serviceCommands").get("restartWeb").get(0).get(3).asText()).isEqualTo("restart");
    assertThat(jana.get("serviceCommands").get("start").get(0).get(1).asText()).isEqualTo("supervisorctl");
    assertThat(jana.get("testers")).as("null resets to the default").isEmpty();
    JsonNode corrections = jana.get("corrections");
    assertThat(corrections).hasSize(2);
    assertThat(corrections.get(0).get("changedBy").asText()).isEqualTo("operator");
    assertThat(Instant.parse(corrections.get(0).get("changedAt").asText())).isBetween(before, Instant.now());
    assertThat(corrections.get(0).get("changes").get("contact").get("from").asText()).isEqualTo("anna_owner");
    assertThat(corrections.get(0).get("changes").get("url").get("to").isNull()).as("PUT replaces: no url").isTrue();
    assertThat(corrections.get(1).get("changes").get("url").get("to").asText()).isEqualTo("https://jana.example.org");
    assertThat(jana.get("history")).hasSize(1);
  }

  @Test
  void anOperatorRemovesAnUnusedSiteAndItsDirectoryStays() {
    Path directory = site(root, "api_kurt");
    assertThat(operator.postJson("/api/sites", body("api_kurt")).statusCode()).isEqualTo(201);

    HttpResponse<String> removed = operator.delete("/api/sites/api_kurt");

    assertThat(removed.statusCode()).isEqualTo(204);
    assertThat(operator.get("/api/sites/api_kurt").statusCode()).isEqualTo(404);
    assertThat(directory.resolve("manage.py")).exists();
    assertThat(operator.delete("/api/sites/api_kurt").statusCode()).isEqualTo(404);
  }

  @Test
  void aSiteServedByTheRootsProdLinkIsNotRemoved() {
    site(root, "api_lars");
    assertThat(operator.postJson("/api/sites", body("api_lars", "PRODUCTION")).statusCode()).isEqualTo(201);
    SiteLinks.point(root, SiteLinks.PROD, "api_lars");

    HttpResponse<String> refused = operator.delete("/api/sites/api_lars");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(Http.json(refused).get("error").asText())
        .startsWith("The root's link prod points at the directory of site 'api_lars'");
    assertThat(registry.find("api_lars")).isPresent();
  }

  /** A PREVIEW site {@code name} in its directory {@code name}. */
  private String body(String name) {
    return body(name, "PREVIEW");
  }

  private String body(String name, String state) {
    return """
        {"name": "%s", "root": "%s", "directory": "%s", "state": "%s",
         "contact": "anna_owner", "testers": ["tester"], "url": "https://%s.example.org"}
        """.formatted(name, root, name, state, name);
  }
}

package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linoconductor.site.SiteDirectories.site;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

    HttpResponse<String> created = operator.postJson("/api/sites", body("api_anna", "api_anna"));

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
        body("api_dora", "api_dora").replace("\"state\"", "\"fourEyes\": true, \"state\""));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(Http.json(tester.get("/api/sites/api_dora")).get("fourEyes").asBoolean()).isTrue();
  }

  @Test
  void aTesterMayNotRegisterSites() {
    site(root, "api_berta");

    HttpResponse<String> refused = tester.postJson("/api/sites", body("api_berta", "api_berta"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Http.json(refused).get("error").asText())
        .contains("'tester' may not register sites").contains("conductor-operators");
    assertThat(registry.find("api_berta")).isEmpty();
  }

  @Test
  void aReservedNameIsRefusedWithTheReasonAndNothingIsCreated() {
    site(root, "prod");

    HttpResponse<String> refused = operator.postJson("/api/sites", body("prod", "prod"));

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
    assertThat(operator.postJson("/api/sites", body("api_carla", "api_carla")).statusCode()).isEqualTo(201);

    HttpResponse<String> again = operator.postJson("/api/sites", body("api_carla", "api_carla"));

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again).get("error").asText()).contains("already registered");
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
    assertThat(error.get("error").asText()).contains("'LIVE'").contains("PREVIEW, PRODUCTION, OLD, ARCHIVED");
  }

  private String body(String name, String directory) {
    return """
        {"name": "%s", "root": "%s", "directory": "%s", "state": "PREVIEW",
         "contact": "anna_owner", "testers": ["tester"], "url": "https://%s.example.org"}
        """.formatted(name, root, directory, name);
  }
}

package org.linoconductor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.security.ConductorAuthorizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /v3/api-docs and its UI: for users only, describing /api/sites (with a getlino example) and /api/runs. */
@ConductorWebTest
class ApiDescriptionTest {

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;

  @BeforeEach
  void aUserWhoIsNoOperator() {
    authorizations.ensureTestersOf("doc_site");
    authorizations.ensureUser("doc_reader", "doc_reader", "testers-doc_site");
    authorizations.ensureUser("doc_guesser", "doc_guesser", "testers-doc_site");
  }

  @Test
  void anonymousCallersAreRefusedOrSentToSignInAndAUserGets200() {
    Http nobody = Http.anonymous(port);
    Http user = Http.as(port, "doc_reader", "doc_reader");

    for (String path : new String[] {"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html",
        "/swagger-ui.html"}) {
      HttpResponse<String> refused = nobody.get(path);
      if (path.startsWith("/swagger-ui")) { // a page: a browser is sent to the sign-in form and back
        assertThat(refused.statusCode()).as(path).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).as(path).hasValueSatisfying(
            location -> assertThat(location).contains("/signin"));
      } else {
        assertThat(refused.statusCode()).as(path).isEqualTo(401);
      }
      assertThat(refused.body()).as(path).doesNotContain("/api/sites", "swagger");
      assertThat(user.get(path).statusCode()).as(path).isIn(200, 302);
    }
    assertThat(user.get("/swagger-ui/index.html").body()).contains("swagger-ui");
    // Another user: a failed login delays the next one of its user (Camunda's throttling).
    assertThat(Http.as(port, "doc_guesser", "wrong").get("/v3/api-docs").statusCode()).isEqualTo(401);
  }

  @Test
  void theDescriptionCoversTheRegistryWithAGetlinoExampleAndTheRuns() {
    JsonNode api = Http.json(Http.as(port, "doc_reader", "doc_reader").get("/v3/api-docs"));

    JsonNode sites = api.get("paths").get("/api/sites");
    JsonNode site = api.get("paths").get("/api/sites/{name}");
    assertThat(sites.has("get")).isTrue();
    assertThat(site.has("get") && site.has("put") && site.has("patch") && site.has("delete")).isTrue();
    assertThat(api.get("paths").has("/api/runs")).isTrue();
    assertThat(api.get("paths").has("/api/runs/{id}")).isTrue();
    assertThat(api.get("paths").has("/health")).as("only the API under /api").isFalse();
    JsonNode example = sites.get("post").get("requestBody").get("content").get("application/json").get("examples")
        .get("getlino site").get("value");
    assertThat(example.get("directory").asText()).isEqualTo("/usr/local/lino/lino_local/mysite");
    assertThat(example.get("serviceCommands").get("stop").toString())
        .contains("[\"sudo\",\"service\",\"apache2\",\"stop\"]", "supervisor", "cron");
    assertThat(example.get("databaseKind").asText()).isNotBlank();
    JsonNode schema = api.get("components").get("schemas").get("SiteRequest").get("properties");
    assertThat(schema.get("serviceCommands")).isNotNull();
    assertThat(schema.get("root").get("maxLength").asInt()).isEqualTo(500);
    assertThat(sites.get("post").get("responses").get("409").get("content").get("application/json").get("schema")
        .get("$ref").asText()).isEqualTo("#/components/schemas/ApiError");
    assertThat(site.get("patch").get("requestBody").get("content").has("application/merge-patch+json")).isTrue();
    assertThat(api.get("components").get("securitySchemes").get("basic").get("scheme").asText()).isEqualTo("basic");
  }
}

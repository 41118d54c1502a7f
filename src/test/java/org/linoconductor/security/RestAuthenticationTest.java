package org.linoconductor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ConductorWebTest
class RestAuthenticationTest {

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired ProcessEngine engine;

  @BeforeEach
  void operatorAndTesterExist() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureTestersOf("anna");
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser("tester", "tester", ConductorGroups.testersOf("anna"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/engine",
      "/engine-rest/engine/default/task", "/api/sites"})
  void anonymousCallersAreAskedForBasicCredentials(String path) {
    HttpResponse<String> response = Http.anonymous(port).get(path);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        challenge -> assertThat(challenge).startsWith("Basic realm="));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/engine-rest/process-definition", "/engine-rest/task", "/engine-rest/engine",
      "/api/sites"})
  void anOperatorIsLetIn(String path) {
    assertThat(Http.as(port, "operator", "operator").get(path).statusCode()).isEqualTo(200);
  }

  @Test
  void aWrongPasswordIsRefused() {
    authorizations.ensureUser("mallory", "right-password");

    assertThat(Http.as(port, "mallory", "wrong-password").get("/api/sites").statusCode()).isEqualTo(401);
    assertThat(Http.as(port, "nobody", "nobody").get("/engine-rest/task").statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @CsvSource({
    "operator, operator, cockpit, 200", "operator, operator, tasklist, 200", "operator, operator, admin, 200",
    "tester, tester, tasklist, 200", "tester, tester, cockpit, 403", "tester, tester, admin, 403"})
  void operatorsUseEveryWebApplicationAndTestersOnlyTasklist(String user, String password, String app, int status) {
    HttpResponse<String> login = Http.webLogin(port, app, user, password);

    assertThat(login.statusCode()).as(login.body()).isEqualTo(status);
  }

  @Test
  void camundaAuthorizationIsOn() {
    assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled()).isTrue();
  }
}

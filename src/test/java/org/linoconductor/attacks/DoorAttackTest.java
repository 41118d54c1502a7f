package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.demo.FreshDemo;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The doors of Conductor attacked over real HTTP: Camunda's first-start setup, which created an
 * administrator for anyone anonymous while no user was in {@code camunda-admin} (on a fresh demo and
 * outside the demo, with and without an administrator); calls without a user, with a wrong one, and
 * by a user who may not; a session's changes without its CSRF token; a browser's cached Basic
 * credentials used by a foreign page; a check of other users' passwords; a sign-in that leads
 * elsewhere, keeps its session id, or outlives its user.
 */
@ConductorWebTest
@ExtendWith(FreshDemo.Shared.class)
class DoorAttackTest {

  private static final String INTRUDER = """
      {"profile": {"id": "intruder", "firstName": "I", "lastName": "N", "email": "i@example.org"},
       "credentials": {"password": "intruder-password"}}""";

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired IdentityService identity;

  @BeforeEach
  void operatorAndTester() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureTestersOf("anna");
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser("tester", "tester", ConductorGroups.testersOf("anna"));
  }

  @Test
  void nobodyAnonymousCreatesAUserOnAFreshDemo(FreshDemo demo) {
    assertSetupClosed(demo.port(), "default");
  }

  @Test
  void nobodyAnonymousCreatesAUserWhileThereIsNoAdministrator() {
    authorizations.ensureAdministratorsGroup();
    List<String> administrators = identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).list()
        .stream().map(User::getId).toList();
    administrators.forEach(id -> identity.deleteMembership(id, Groups.CAMUNDA_ADMIN));
    try {
      // This is the state in which Camunda sends everyone to its setup, to create an administrator.
      assertThat(Http.anonymous(port).get("/camunda/app/cockpit/default/").headers().firstValue("Location"))
          .hasValueSatisfying(to -> assertThat(to).endsWith("/camunda/app/admin/default/setup/#/setup"));
      assertSetupClosed(port, "default");
    } finally {
      administrators.forEach(id -> identity.createMembership(id, Groups.CAMUNDA_ADMIN));
    }
  }

  @Test
  void nobodyAnonymousCreatesAUserWhenThereIsAnAdministrator() {
    authorizations.ensureAdministratorsGroup();
    authorizations.ensureUser("door_admin", "door_admin", Groups.CAMUNDA_ADMIN);

    assertSetupClosed(port, "default");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/sites", "/api/runs", "/engine-rest/task", "/engine-rest/engine",
      "/engine-rest/engine/default/process-definition", "/engine-rest/user", "/v3/api-docs", "/actuator/env"})
  void callsWithoutAUserOrWithAWrongOneAreRefused(String path) {
    authorizations.ensureUser("door_user", "right-password");

    for (Http caller : List.of(Http.anonymous(port), Http.as(port, "door_user", "wrong-password"),
        Http.as(port, "nobody_here", "wrong-password"))) {
      HttpResponse<String> refused = caller.get(path);
      assertThat(refused.statusCode()).as(path).isIn(401, 429);
      assertThat(refused.body()).doesNotContain("door_user").doesNotContain("nobody_here");
    }
  }

  @Test
  void thePagesSendNobodyAnonymousAnywhereButToTheSignIn() {
    for (String page : List.of("/runs", "/runs/some-run", "/runs?site=anna")) {
      HttpResponse<String> refused = Http.anonymous(port).get(page);
      assertThat(refused.statusCode()).isEqualTo(302);
      assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/signin?next=");
    }
  }

  @Test
  void aUserWhoMayNotIsRefused() {
    Http tester = Http.as(port, "tester", "tester");

    assertThat(tester.postJson("/api/sites", "{}").statusCode()).isEqualTo(403);
    assertThat(tester.postJson("/engine-rest/user/create", INTRUDER).statusCode()).isEqualTo(403);
    assertThat(tester.postJson("/engine-rest/user/operator/unlock", "").statusCode()).isEqualTo(403);
    assertThat(Http.as(port, "operator", "operator").get("/no/such/door").statusCode()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void aSessionsChangeWithoutItsCsrfTokenIsRefused() {
    Http session = Http.signedIn(port, "operator", "operator");
    HttpResponse<String> page = session.get("/runs");

    assertThat(session.postJson("/api/sites", "{}").statusCode()).isEqualTo(403);
    assertThat(session.postForm("/signout", "").statusCode()).isEqualTo(403);
    assertThat(session.postForm("/signout", "_csrf=forged").statusCode()).isEqualTo(403);
    assertThat(session.get("/runs").statusCode()).as("still signed in").isEqualTo(200);
    assertThat(session.with("X-CSRF-TOKEN", Http.csrfToken(page)).postJson("/api/sites", "{}").statusCode())
        .as("with the token the request reaches the API, which refuses the empty site").isEqualTo(400);
    assertThat(Http.anonymous(port).postForm("/signin", "username=operator&password=operator").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aForeignPageCannotUseABrowsersBasicCredentials() {
    Http operator = Http.as(port, "operator", "operator");

    assertThat(operator.with("Sec-Fetch-Site", "cross-site").postJson("/api/sites", "{}").statusCode())
        .isEqualTo(403);
    assertThat(operator.with("Sec-Fetch-Site", "same-site")
        .postJson("/engine-rest/process-definition/key/site-snapshot/start", "{}").statusCode()).isEqualTo(403);
    assertThat(operator.with("Origin", "http://evil.example")
        .postJson("/engine-rest/user/create", INTRUDER).statusCode()).isEqualTo(403);
    assertThat(identity.createUserQuery().userId("intruder").count()).isZero();
    assertThat(operator.with("Sec-Fetch-Site", "same-origin").postJson("/api/sites", "{}").statusCode())
        .as("the pages' own script").isEqualTo(400);
  }

  @Test
  void nobodyChecksTheirGuessesOfPasswordsBesideTheSignIn() {
    String guess = "{\"username\": \"operator\", \"password\": \"operator\"}";

    assertThat(Http.as(port, "tester", "tester").postJson("/engine-rest/identity/verify", guess).statusCode())
        .isEqualTo(403);
    assertThat(Http.as(port, "operator", "operator").postJson("/engine-rest/engine/default/identity/verify", guess)
        .statusCode()).isEqualTo(403);
  }

  @Test
  void aSignInLeadsOnlyToOurOwnPagesWithANewSessionId() {
    HttpResponse<String> form = Http.anonymous(port).get("/signin?next=https://evil.example/runs");
    String before = sessionId(form);
    Http browser = Http.anonymous(port).with("Cookie", "JSESSIONID=" + before);

    for (String next : List.of("https://evil.example/", "//evil.example/runs", "/\\evil.example", "/runs\r\nX: y")) {
      HttpResponse<String> signedIn = browser.postForm("/signin", "username=operator&password=operator&next="
          + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8)
          + "&_csrf=" + Http.csrfToken(browser.get("/signin")));
      assertThat(signedIn.statusCode()).isEqualTo(303);
      assertThat(signedIn.headers().firstValue("Location")).hasValue("/runs");
      assertThat(sessionId(signedIn)).isNotEqualTo(before);
      browser = Http.anonymous(port).with("Cookie", "JSESSIONID=" + sessionId(signedIn));
    }
  }

  @Test
  void aSessionEndsWithItsUser() {
    authorizations.ensureUser("leaving_user", "leaving", ConductorGroups.testersOf("anna"));
    Http session = Http.signedIn(port, "leaving_user", "leaving");
    assertThat(session.get("/runs").statusCode()).isEqualTo(200);

    identity.deleteUser("leaving_user");

    assertThat(session.get("/runs").statusCode()).isEqualTo(302);
    assertThat(session.get("/api/runs").statusCode()).isEqualTo(401);
  }

  /** Camunda's setup page and its user-create endpoint, with the XSRF cookie any anonymous GET hands out. */
  private void assertSetupClosed(int appPort, String engine) {
    Http anonymous = Http.anonymous(appPort);
    HttpResponse<String> page = anonymous.get("/camunda/app/admin/" + engine + "/");
    String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
        .map(cookie -> cookie.split(";", 2)[0]).toList());
    String xsrf = cookies.replaceAll(".*XSRF-TOKEN=([^;]+).*", "$1");
    assertThat(cookies).contains("XSRF-TOKEN=");

    HttpResponse<String> create = anonymous.with("Cookie", cookies).with("X-XSRF-TOKEN", xsrf)
        .postJson("/camunda/api/admin/setup/" + engine + "/user/create", INTRUDER);
    HttpResponse<String> setupPage = anonymous.get("/camunda/app/admin/" + engine + "/setup/");

    assertThat(create.statusCode()).as(create.body()).isEqualTo(403);
    assertThat(setupPage.statusCode()).isEqualTo(403);
    assertThat(setupPage.body()).contains("CAMUNDA_BPM_ADMINUSER_ID");
    assertThat(Http.as(appPort, "intruder", "intruder-password").get("/engine-rest/engine").statusCode())
        .as("no intruder was created").isIn(401, 429);
  }

  private static String sessionId(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
        .filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring("JSESSIONID=".length())).findFirst()
        .orElseThrow(() -> new IllegalStateException("no session cookie: " + response.headers()));
  }
}

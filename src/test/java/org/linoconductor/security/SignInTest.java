package org.linoconductor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Signing in to the conductor's pages at /signin, over real HTTP. */
@ConductorWebTest
class SignInTest {

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;

  @BeforeEach
  void usersExist() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser("signin_user", "right-password");
  }

  @Test
  void anonymousVisitorsOfThePagesAreSentToTheSignInPage() {
    HttpResponse<String> runs = Http.anonymous(port).get("/runs?site=anna");

    assertThat(runs.statusCode()).isEqualTo(302);
    assertThat(runs.headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/signin?next=%2Fruns%3Fsite%3Danna"));
    assertThat(Http.anonymous(port).get("/runs/some-run").statusCode()).isEqualTo(302);
    assertThat(Http.anonymous(port).get("/signin").body()).contains("<form method=\"post\" action=\"/signin\">");
  }

  @Test
  void theHealthCheckIsOpenAndSaysNothingMore() {
    HttpResponse<String> health = Http.anonymous(port).get("/actuator/health");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    HttpResponse<String> wrongPassword = Http.signInForm(port, "signin_user", "wrong");
    HttpResponse<String> unknownUser = Http.signInForm(port, "nobody_at_all", "wrong");

    assertThat(wrongPassword.statusCode()).isEqualTo(401).isEqualTo(unknownUser.statusCode());
    assertThat(withoutToken(wrongPassword.body())).isEqualTo(withoutToken(unknownUser.body()))
        .contains("Wrong user name or password.");
  }

  @Test
  void aSignInWithoutTheFormsTokenIsRefused() {
    HttpResponse<String> response = Http.anonymous(port).postForm("/signin", "username=operator&password=operator");

    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void aSignedInUserReadsThePagesAndTheApiUntilSigningOut() {
    HttpResponse<String> signIn = Http.signInForm(port, "operator", "operator");
    assertThat(signIn.statusCode()).isEqualTo(303);
    assertThat(signIn.headers().firstValue("Location")).hasValue("/runs");
    Http session = Http.signedIn(port, "operator", "operator");

    HttpResponse<String> page = session.get("/runs");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<span class=\"who\">operator</span>").contains("name=\"viewport\"");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(session.get("/api/runs").statusCode()).isEqualTo(200);
    // A session's change needs the page's CSRF token: a foreign page could make a browser send it.
    assertThat(session.postJson("/api/sites", "{}").statusCode()).isEqualTo(403);
    assertThat(session.postForm("/signout", "").statusCode()).isEqualTo(403);

    assertThat(session.postForm("/signout", "_csrf=" + Http.csrfToken(page)).statusCode()).isEqualTo(303);
    assertThat(session.get("/runs").statusCode()).isEqualTo(302);
    assertThat(session.get("/api/runs").statusCode()).isEqualTo(401);
  }

  @Test
  void afterSignInOnlyOurOwnPagesAreAReturnAddress() {
    HttpResponse<String> form = Http.anonymous(port).get("/signin?next=https://evil.example/runs");

    assertThat(form.body()).contains("name=\"next\" value=\"/runs\"");
  }

  private static String withoutToken(String html) {
    return html.replaceAll("name=\"_csrf\" value=\"[^\"]+\"", "");
  }
}

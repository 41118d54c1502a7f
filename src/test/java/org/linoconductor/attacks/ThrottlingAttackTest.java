package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linoconductor.Http;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Password guessing over real HTTP, on every way in: the sign-in form, HTTP Basic on /api and
 * /engine-rest, Camunda's login. Guessing slows down per user and per address; every wait ends by
 * itself, even after more failures than the ten that used to lock a user for good; a guessing
 * address cannot keep the owner out from elsewhere; an unknown user is answered exactly as a known
 * one; an operator (the first administrator, from configuration) unlocks, a tester cannot. The waits
 * are short here (1 s, doubling, at most 2 s per user; 4 s per address after 3 free failures). Each
 * test calls from addresses of its own, through the proxy header the application is told to trust.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:throttling-attack;DB_CLOSE_DELAY=-1",
    "camunda.bpm.process-engine-name=" + ThrottlingAttackTest.ENGINE,
    "camunda.bpm.job-execution.enabled=false",
    "conductor.steps.worker-enabled=false",
    // The first administrator, as outside the demo: from configuration (CAMUNDA_BPM_ADMINUSER_*).
    "camunda.bpm.admin-user.id=operator",
    "camunda.bpm.admin-user.password=" + ThrottlingAttackTest.ADMIN_PASSWORD,
    "server.forward-headers-strategy=native",
    "conductor.sign-in.account.first-delay=1s",
    "conductor.sign-in.account.factor=2",
    "conductor.sign-in.account.lockout=2s",
    "conductor.sign-in.address.free-failures=3",
    "conductor.sign-in.address.first-delay=1s",
    "conductor.sign-in.address.factor=2",
    "conductor.sign-in.address.lockout=4s"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThrottlingAttackTest {

  static final String ENGINE = "throttlingAttack";
  static final String ADMIN_PASSWORD = "first-administrator";
  private static final String RIGHT = "right-password";
  private static final String WRONG = "wrong-password";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired IdentityService identity;

  @BeforeAll
  void tester() {
    authorizations.ensureTestersOf("anna");
    authorizations.ensureUser("tester", "tester", ConductorGroups.testersOf("anna"));
  }

  /** The ways in, each as one try of a user name and password from a new address. */
  private List<Function<String, HttpResponse<String>>> waysIn(String user) {
    return List.of(
        password -> caller().signInForm(user, password),
        password -> Http.as(port, user, password).from(newAddress()).get("/engine-rest/engine/" + ENGINE + "/task"),
        password -> Http.as(port, user, password).from(newAddress()).get("/api/sites"),
        password -> caller().webLogin(ENGINE, "tasklist", user, password));
  }

  @Test
  void aWrongPasswordMakesTheNextTryOfThatUserWaitWhicheverWayEitherCame() {
    authorizations.ensureUser("paths_user", RIGHT, ConductorGroups.testersOf("anna"));
    List<Function<String, HttpResponse<String>>> ways = waysIn("paths_user");

    for (int i = 0; i < ways.size(); i++) {
      var failingWay = ways.get(i);
      var nextWay = ways.get((i + 1) % ways.size());
      assertThat(failUntilCounted(failingWay).statusCode()).isEqualTo(401);
      HttpResponse<String> rightButTooSoon = nextWay.apply(RIGHT);

      assertThat(rightButTooSoon.statusCode()).as("way %d after a failure by way %d", (i + 1) % ways.size(), i)
          .isEqualTo(429);
      assertThat(rightButTooSoon.headers().firstValue("Retry-After")).isPresent();
      assertThat(rightButTooSoon.body()).contains("Too many failed sign-ins");
    }
    assertThat(afterWaiting(ways.get(1), RIGHT).statusCode()).isEqualTo(200);
  }

  @Test
  void aUserIsNeverLockedForGoodEvenAfterMoreFailuresThanTheTenThatUsedTo() {
    authorizations.ensureUser("owner", RIGHT, ConductorGroups.testersOf("anna"));
    Function<String, HttpResponse<String>> basic = waysIn("owner").get(1);

    for (int failure = 1; failure <= 11; failure++) {
      assertThat(failUntilCounted(basic).statusCode()).isEqualTo(401);
    }

    assertThat(failedAttempts("owner")).isEqualTo(11);
    assertThat(afterWaiting(basic, RIGHT).statusCode()).isEqualTo(200);
    assertThat(failedAttempts("owner")).isZero();
  }

  @Test
  void anUnknownUserIsAnsweredExactlyAsAKnownOne() {
    authorizations.ensureUser("known_user", RIGHT);
    List<String> known = new ArrayList<>();
    List<String> unknown = new ArrayList<>();

    for (String user : List.of("known_user", "unknown_user")) {
      Function<String, HttpResponse<String>> way = waysIn(user).get(2);
      List<String> answers = user.equals("known_user") ? known : unknown;
      for (int round = 0; round < 3; round++) {
        answers.add(describe(failUntilCounted(way)));
        answers.add(describe(way.apply(RIGHT)));
      }
    }

    assertThat(known).isEqualTo(unknown)
        .anySatisfy(answer -> assertThat(answer).startsWith("429 Retry-After: 1"))
        .anySatisfy(answer -> assertThat(answer).startsWith("429 Retry-After: 2"));
  }

  @Test
  void aGuessingAddressIsSlowedDownButTheOwnerElsewhereIsNot() {
    String guesser = newAddress();
    // Every way in counts for the address, whatever the user name.
    assertThat(caller(guesser).signInForm("guess1", WRONG).statusCode()).isEqualTo(401);
    assertThat(Http.as(port, "guess2", WRONG).from(guesser).get("/api/sites").statusCode()).isEqualTo(401);
    assertThat(caller(guesser).webLogin(ENGINE, "tasklist", "guess3", WRONG).statusCode()).isEqualTo(401);
    assertThat(Http.as(port, "guess4", WRONG).from(guesser).get("/engine-rest/task").statusCode()).isEqualTo(401);

    HttpResponse<String> slowedDown = Http.as(port, "operator", ADMIN_PASSWORD).from(guesser).get("/api/sites");
    HttpResponse<String> ownerElsewhere = Http.as(port, "operator", ADMIN_PASSWORD).from(newAddress())
        .get("/api/sites");

    assertThat(slowedDown.statusCode()).isEqualTo(429);
    assertThat(slowedDown.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(ownerElsewhere.statusCode()).isEqualTo(200);
    assertThat(afterWaiting(password -> Http.as(port, "operator", password).from(guesser).get("/api/sites"),
        ADMIN_PASSWORD).statusCode()).isEqualTo(200);
  }

  /** The operator here is the first administrator from configuration, made an operator by Conductor. */
  @Test
  void anOperatorUnlocksAUserAndATesterCannot() {
    assertThat(identity.createGroupQuery().groupMember("operator").list()).extracting("id")
        .containsExactlyInAnyOrder(Groups.CAMUNDA_ADMIN, ConductorGroups.OPERATORS);
    authorizations.ensureUser("locked_user", RIGHT);
    assertThat(failUntilCounted(waysIn("locked_user").get(1)).statusCode()).isEqualTo(401);
    assertThat(failedAttempts("locked_user")).isOne();

    HttpResponse<String> byTester = Http.as(port, "tester", "tester").from(newAddress())
        .postJson("/engine-rest/engine/" + ENGINE + "/user/locked_user/unlock", "");
    assertThat(byTester.statusCode()).isEqualTo(403);
    assertThat(failedAttempts("locked_user")).isOne();

    HttpResponse<String> byOperator = Http.as(port, "operator", ADMIN_PASSWORD).from(newAddress())
        .postJson("/engine-rest/engine/" + ENGINE + "/user/locked_user/unlock", "");
    assertThat(byOperator.statusCode()).isEqualTo(204);
    assertThat(failedAttempts("locked_user")).isZero();
    assertThat(lockedUntil("locked_user")).isNull();
  }

  /** A wrong password, tried again after each wait until it is checked (and so counted). */
  private static HttpResponse<String> failUntilCounted(Function<String, HttpResponse<String>> way) {
    return afterWaiting(way, WRONG);
  }

  /** The try, repeated after the wait each 429 asks for. */
  private static HttpResponse<String> afterWaiting(Function<String, HttpResponse<String>> way, String password) {
    HttpResponse<String> answer = way.apply(password);
    for (int waits = 0; answer.statusCode() == 429 && waits < 10; waits++) {
      sleep(Duration.ofSeconds(Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow())));
      answer = way.apply(password);
    }
    return answer;
  }

  private static String describe(HttpResponse<String> answer) {
    return answer.statusCode() + answer.headers().firstValue("Retry-After").map(s -> " Retry-After: " + s).orElse("")
        + " " + answer.body();
  }

  private int failedAttempts(String user) {
    return ((UserEntity) identity.createUserQuery().userId(user).singleResult()).getAttempts();
  }

  private Object lockedUntil(String user) {
    return ((UserEntity) identity.createUserQuery().userId(user).singleResult()).getLockExpirationTime();
  }

  private Http caller() {
    return caller(newAddress());
  }

  private Http caller(String address) {
    return Http.anonymous(port).from(address);
  }

  /** An address of the documentation range, new for every call, so that only the user name counts. */
  private static String newAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

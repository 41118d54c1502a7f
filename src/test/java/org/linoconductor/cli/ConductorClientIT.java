package org.linoconductor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.ConductorApplication;
import org.linoconductor.demo.DemoInThisJvm;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedLino;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The client as an operator runs it: the real {@code bin/conductor} (the thin jar {@code mvn
 * package} built) as a process, against the demo started in this JVM as {@code mvn spring-boot:run}
 * starts it, with its real worker running the simulated sites' scripts. An integration test
 * (failsafe, after {@code package}), because it needs the packaged client.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConductorClientIT {

  private static final Pattern TASK = Pattern.compile("conductor decide (\\S+) ");
  private static final Pattern RUN = Pattern.compile("Started \\S+: run (\\S+)");

  @TempDir static Path data;
  @TempDir static Path home;
  private static ConfigurableApplicationContext demo;
  private static String url;

  @BeforeAll
  static void startTheDemo() {
    demo = SpringApplication.run(ConductorApplication.class, DemoInThisJvm.arguments(data));
    url = "http://127.0.0.1:" + ((WebServerApplicationContext) demo).getWebServer().getPort();
  }

  @AfterAll
  static void stopTheDemo() {
    demo.close();
  }

  @Test
  @Order(1)
  void sitesListsTheDemoSites() throws Exception {
    Result help = as("operator", "--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("upgrade", "follow", "decide", "Exit status:");

    Result sites = as("operator", "sites");
    assertThat(sites.status()).as(sites.err()).isZero();
    assertThat(sites.out()).containsPattern("(?m)^anna +PRODUCTION +- ").containsPattern("(?m)^carla +PRODUCTION +- ")
        .containsPattern("(?m)^dora +PRODUCTION +h1 ");
  }

  @Test
  @Order(2)
  void anAbandonedRestoreWaitsForADecisionAndItsRollBackEndsTheFollowNonZero() throws Exception {
    SimulatedLino.open(data.resolve("demo")).site("anna").enable(Scenario.ABANDON, "3");
    Result upgrade = as("operator", "upgrade", "anna", "--follow");
    SimulatedLino.open(data.resolve("demo")).site("anna").disable(Scenario.ABANDON);
    assertThat(upgrade.status()).as(upgrade.all()).isEqualTo(ExitStatus.OK);
    assertThat(upgrade.out()).containsPattern("FAILED Restore snapshot \\(exit status 0, .*abandoned 3 unsaved")
        .contains("| Abandoning with 3 unsaved instances", "waits  Decide on failed step",
            "may decide: group conductor-operators", "action=retry|rollback|abort")
        .doesNotContain("Sign in and confirm");

    Result decide = as("operator", "decide", task(upgrade), "action=rollback", "comment=no migrator yet");
    assertThat(decide.status()).as(decide.all()).isZero();
    Result follow = as("operator", "follow", run(upgrade));
    assertThat(follow.status()).as(follow.all()).isEqualTo(ExitStatus.ROLLED_BACK);
    assertThat(follow.out()).contains("start  Put back previous code", "end    Upgrade rolled back: ROLLED_BACK");
  }

  @Test
  @Order(3)
  void anUpgradeIsFollowedStepByStepToTheSignOffWhereTheTesterDecidesIt() throws Exception {
    Result upgrade = as("operator", "upgrade", "anna", "--follow");
    assertThat(upgrade.status()).as(upgrade.all()).isEqualTo(ExitStatus.OK);
    // Each step as it starts and ends, in order, with its output as the log has it and its exit status.
    assertThat(upgrade.out()).containsSubsequence("start  Check before upgrade", "done   Check before upgrade",
        "start  Stop services", "start  Make snapshot", "| Writing snapshot.zip", "done   Make snapshot (exit status 0",
        "start  Pull new code", "start  Restore snapshot", "| Loaded 225 objects", "done   Restore snapshot",
        "start  Check data", "start  Start services", "waits  Sign in and confirm",
        "may decide: group conductor-operators, group testers-anna, user tester",
        "decide: conductor decide ");

    Result decide = as("tester", "decide", task(upgrade), "siteWorks=true", "comment=clients and calendar look fine");
    assertThat(decide.status()).as(decide.all()).isZero();
    assertThat(decide.out()).contains("Decided 'Sign in and confirm'");

    Result follow = as("tester", "follow", run(upgrade));
    assertThat(follow.status()).as(follow.all()).isZero();
    assertThat(follow.out()).contains("end    Upgrade succeeded: SUCCEEDED");
    Result show = as("tester", "show", run(upgrade));
    assertThat(show.out()).contains("SUCCEEDED at Upgrade succeeded",
        "tester  Sign in and confirm: siteWorks=true: \"clients and calendar look fine\"");
  }

  @Test
  @Order(4)
  void aTesterSeesOnlyTheRunsOfTheSitesTheyTest() throws Exception {
    Result carla = as("operator", "snapshot", "carla", "--follow");
    assertThat(carla.status()).as(carla.all()).isZero();
    assertThat(as("operator", "runs").out()).contains(run(carla));

    Result runs = as("tester", "runs", "--site", "anna");
    assertThat(runs.status()).as(runs.all()).isZero();
    List<String> rows = runs.out().lines().skip(1).toList();
    assertThat(rows).hasSize(2).allSatisfy(row -> assertThat(row.split(" +")[2]).isEqualTo("anna"));
    assertThat(as("tester", "runs").out()).doesNotContain(run(carla), "carla");
    assertThat(as("tester", "tasks").out()).contains("No tasks for tester.");
  }

  @Test
  @Order(5)
  void refusalsSayWhyAndEndNonZero() throws Exception {
    Result notAllowed = as("tester", "upgrade", "anna");
    assertThat(notAllowed.status()).as(notAllowed.all()).isEqualTo(ExitStatus.NOT_ALLOWED);
    assertThat(notAllowed.err()).contains("User 'tester' may not do this", "(HTTP 403)");

    Result unknown = as("operator", "upgrade", "nosuchsite");
    assertThat(unknown.status()).as(unknown.all()).isEqualTo(ExitStatus.REFUSED);
    assertThat(unknown.err()).startsWith("conductor: ").contains("nosuchsite", "(HTTP 400)");

    Result noTask = as("operator", "decide", "no-such-task", "siteWorks=true");
    assertThat(noTask.status()).isEqualTo(ExitStatus.REFUSED);
    assertThat(noTask.err()).contains("no-such-task").doesNotContain("Exception\n", "\tat ");
  }

  @Test
  @Order(6)
  void aConfigurationFileOthersMayReadIsRefusedOneOnlyTheUserReadsIsUsed() throws Exception {
    Path config = home.resolve("conductor.conf");
    Files.writeString(config, "url=" + url + "\nuser=operator\npassword=operator\n");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
    Map<String, String> fromFile = Map.of(ClientSettings.CONFIG, config.toString());

    Result refused = conductor(fromFile, "sites");
    assertThat(refused.status()).isEqualTo(ExitStatus.CONFIGURATION);
    assertThat(refused.err()).contains("holds a password and may be read by others", "chmod 600")
        .doesNotContain("operator\n");

    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    Result sites = conductor(fromFile, "sites");
    assertThat(sites.status()).as(sites.all()).isZero();
    assertThat(sites.out()).contains("anna");
  }

  /** Last: a failed sign-in delays the user's next one. */
  @Test
  @Order(7)
  void aWrongPasswordIsSaidAndEndsWithItsOwnStatus() throws Exception {
    Result wrong = conductor(Map.of(ClientSettings.URL, url, ClientSettings.USER, "tester",
        ClientSettings.PASSWORD, "not-the-password"), "runs");
    assertThat(wrong.status()).isEqualTo(ExitStatus.NOT_SIGNED_IN);
    assertThat(wrong.err()).contains("did not accept user 'tester'", "wrong user or password")
        .doesNotContain("not-the-password", "\tat ");
  }

  record Result(int status, String out, String err) {
    String all() {
      return "exit status " + status + "\n" + out + err;
    }
  }

  private static Result as(String user, String... args) throws IOException, InterruptedException {
    return conductor(Map.of(ClientSettings.URL, url, ClientSettings.USER, user, ClientSettings.PASSWORD, user), args);
  }

  /** bin/conductor in a clean environment: only what the test gives, and no configuration file of the machine's. */
  private static Result conductor(Map<String, String> environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bin/conductor"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("CONDUCTOR_") || name.equals("XDG_CONFIG_HOME"));
    env.put("HOME", home.toString());
    env.putAll(new HashMap<>(environment));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("conductor " + String.join(" ", args) + " did not end: " + Files.readString(out));
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String task(Result followed) {
    Matcher task = TASK.matcher(followed.out());
    assertThat(task.find()).as("a task id in: " + followed.out()).isTrue();
    return task.group(1);
  }

  private static String run(Result started) {
    Matcher run = RUN.matcher(started.out());
    assertThat(run.find()).as("a run id in: " + started.out()).isTrue();
    return run.group(1);
  }
}

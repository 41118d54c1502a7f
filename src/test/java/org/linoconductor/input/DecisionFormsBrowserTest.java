package org.linoconductor.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linoconductor.Chromium;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.security.ConductorGroups;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The decision forms as Tasklist shows them in chromium, at 1400 px: a failed check that ran no
 * command says so (no empty exit status or log path); the dry-run review keeps each command on one line.
 */
@ConductorWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DecisionFormsBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String LOGIN_FORM = "form[name=signinForm]";

  @LocalServerPort int port;
  @Autowired SiteRegistry registry;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  Chromium chromium;
  ChromeDriver browser;

  @BeforeAll
  void operatorAndBrowser() {
    authorizations.ensureOperatorsGroup();
    authorizations.ensureAdministratorsGroup();
    authorizations.ensureUser("forms_operator", "forms_operator", ConductorGroups.OPERATORS, Groups.CAMUNDA_ADMIN);
    chromium = Chromium.start();
    browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(1400, 900));
  }

  @AfterAll
  void browserQuits() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aFailedCheckThatRanNoCommandSaysSoInsteadOfAnEmptyExitStatusAndLogPath() {
    SimulatedSite site = TestLino.productionSite(registry, "forms_snapshot");
    site.enable(Scenario.EMPTY_SNAPSHOT, "");
    String task;
    try {
      String run = runtime.startProcessInstanceByKey(SiteSnapshotProcess.KEY,
          Map.of(StepVariables.SITE, "forms_snapshot")).getId();
      task = awaitTask(run, SiteSnapshotProcess.Elements.DECIDE_ON_FAILED_SNAPSHOT);
    } finally {
      site.disable(Scenario.EMPTY_SNAPSHOT);
    }

    String form = openForm(task, "A step failed on site forms_snapshot");

    assertThat(form).contains("Step: verify-snapshot · no command ran: the step is a check Conductor makes itself")
        .contains("Full log: none (no command ran)").doesNotContain("exit status: \n");
    assertThat(browser.findElement(By.cssSelector(".fjs-container pre")).getText())
        .isEqualTo("(no log: no command ran)");
    chromium.screenshot("form-decide-on-failed-snapshot");
  }

  @Test
  void theDryRunReviewKeepsEveryCommandOnOneLine() {
    TestLino.productionSite(registry, "forms_dry");
    String run = runtime.startProcessInstanceByKey(ProductionUpgradeProcess.KEY,
        Map.of(StepVariables.SITE, "forms_dry", StepVariables.DRY_RUN, true)).getId();
    String task = awaitTask(run, ProductionUpgradeProcess.Elements.REVIEW_DRY_RUN);

    openForm(task, "Dry run of the upgrade of site forms_dry");

    WebElement commands = browser.findElement(By.cssSelector(".fjs-container pre"));
    chromium.screenshot("form-dry-run-review");
    assertThat(commands.getCssValue("word-break")).isEqualTo("normal");
    assertThat(commands.getCssValue("white-space")).isEqualTo("pre");
    String rendered = (String) runtime.getVariable(run, ProductionUpgradeProcess.Variables.RENDERED_COMMANDS);
    // Lines as drawn: a command broken in the middle would add one.
    long drawn = (Long) browser.executeScript("""
        const code = arguments[0].querySelector('code') || arguments[0];
        return Math.round(code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight));""",
        commands);
    assertThat(drawn).as("one line a command, none broken").isEqualTo(rendered.strip().lines().count());
    assertThat((Boolean) browser.executeScript("return arguments[0].scrollWidth > arguments[0].clientWidth;",
        commands)).as("long commands scroll sideways").isTrue();
    runtime.deleteProcessInstance(run, "test done");
  }

  private String awaitTask(String run, String taskKey) {
    await().atMost(PATIENCE).until(() -> tasks.createTaskQuery().processInstanceId(run).taskDefinitionKey(taskKey)
        .count() == 1);
    return tasks.createTaskQuery().processInstanceId(run).taskDefinitionKey(taskKey).singleResult().getId();
  }

  /** Signs in to Tasklist (once a browser session), opens the task and waits for its form's heading. */
  private String openForm(String task, String heading) {
    browser.get(url("/camunda/app/tasklist/default/"));
    await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector(LOGIN_FORM + ", li.account")).isEmpty());
    if (!browser.findElements(By.cssSelector(LOGIN_FORM)).isEmpty()) {
      fill(LOGIN_FORM + " input[type=text]", "forms_operator");
      fill(LOGIN_FORM + " input[type=password]", "forms_operator");
      browser.executeScript("arguments[0].click();",
          browser.findElement(By.cssSelector(LOGIN_FORM + " button[type=submit]")));
      await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(LOGIN_FORM)).isEmpty());
    }
    browser.get(url("/camunda/app/tasklist/default/#/?task=" + task));
    await().atMost(PATIENCE).ignoreExceptions().until(() -> browser.findElement(By.cssSelector(".fjs-container"))
        .getText().contains(heading));
    return browser.findElement(By.cssSelector(".fjs-container")).getText();
  }

  private void fill(String css, String value) {
    browser.executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        browser.findElement(By.cssSelector(css)), value);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}

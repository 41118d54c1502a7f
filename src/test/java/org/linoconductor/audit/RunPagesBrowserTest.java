package org.linoconductor.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linoconductor.Chromium;
import org.linoconductor.ConductorWebTest;
import org.linoconductor.Http;
import org.linoconductor.TestLino;
import org.linoconductor.security.ConductorAuthorizations;
import org.linoconductor.sim.Scenario;
import org.linoconductor.sim.SimulatedSite;
import org.linoconductor.site.SiteRegistry;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The pages in Debian's chromium ({@link Chromium}): sign in, the list, a run's timeline, a running
 * step's log growing. Screenshots at laptop and phone size go to {@code target/screenshots/}.
 */
@ConductorWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunPagesBrowserTest {

  private static final Dimension LAPTOP = new Dimension(1280, 900);
  private static final Dimension PHONE = new Dimension(390, 844);
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @LocalServerPort int port;
  @Autowired SiteRegistry registry;
  @Autowired ConductorAuthorizations authorizations;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired StepRunRepository stepRuns;
  @Autowired JdbcTemplate jdbc;

  AuditRuns runs;
  Chromium chromium;
  ChromeDriver browser;

  @BeforeAll
  void browserStarts() {
    runs = AuditRuns.make(port, registry, authorizations, runtime, tasks);
    chromium = Chromium.start();
    browser = chromium.driver();
  }

  @AfterAll
  void browserQuits() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void anOperatorSignsInFindsTheRunsAndReadsARunsTimeline() {
    browser.manage().window().setSize(LAPTOP);
    signIn("operator", "operator", "/runs?site=" + AuditRuns.OWN);

    assertThat(browser.getCurrentUrl()).endsWith("/runs?site=" + AuditRuns.OWN);
    assertThat(browser.findElements(By.cssSelector("table.runs tbody tr"))).hasSize(2);
    assertThat(text("table.runs")).contains("CANCELLED").contains("SUCCEEDED").contains("operator");
    browser.get(url("/runs"));
    screenshot("runs-laptop");

    browser.get(url("/runs?site=" + AuditRuns.OWN));
    browser.findElements(By.cssSelector("table.runs tbody tr a")).get(1).click();
    assertThat(browser.getCurrentUrl()).endsWith("/runs/" + runs.retried());
    assertThat(text("h1")).contains("site-snapshot on audit_own").contains("SUCCEEDED");
    assertThat(browser.findElements(By.cssSelector("ol.timeline > li"))).hasSize(4);
    assertThat(text("ol.timeline")).contains("Verify snapshot.zip").contains("FAILED").contains("is empty")
        .contains("Writing snapshot.zip").contains("exit 0");
    assertThat(text("table.decisions")).contains("operator").contains("action=retry").contains(AuditRuns.COMMENT);
    assertThat(browser.findElement(By.linkText("Open in Cockpit")).getAttribute("href"))
        .endsWith("/camunda/app/cockpit/default/#/process-instance/" + runs.retried());
    assertThat(browser.findElements(By.linkText("Full log"))).hasSize(2); // verify-snapshot runs no command
    screenshot("run-laptop");

    browser.manage().window().setSize(PHONE);
    screenshot("run-phone");
    browser.get(url("/runs/" + runs.cancelled()));
    assertThat(text(".facts")).contains(AuditRuns.CANCEL_REASON);
    assertThat(text("ol.timeline")).contains("Traceback");
    screenshot("run-cancelled-phone");
    browser.get(url("/runs"));
    screenshot("runs-phone");
    browser.findElement(By.cssSelector("form.signout button")).click();
    // The click returns once the form is sent; the page after the redirect may come later.
    await().atMost(PATIENCE).until(() -> browser.getCurrentUrl().contains("/signin"));
  }

  @Test
  void aTesterSeesOnlyTheRunsOfTheirSite() {
    browser.manage().window().setSize(LAPTOP);
    signIn(AuditRuns.TESTER, AuditRuns.TESTER, "/runs");

    assertThat(text("table.runs")).contains(AuditRuns.OWN).doesNotContain(AuditRuns.OTHER);
    browser.get(url("/runs/" + runs.succeeded()));
    assertThat(text("h1")).isEqualTo("No such run");
    browser.get(url("/runs?outcome=won"));
    assertThat(text(".problem")).contains("Unknown outcome 'won'");
    screenshot("runs-tester-bad-filter");
    browser.findElement(By.cssSelector("form.signout button")).click();
  }

  @Test
  void aRunningStepsLogGrowsOnThePageWithoutReloading() {
    SimulatedSite site = TestLino.productionSite(registry, "audit_live");
    site.enable(Scenario.HANG, "dump2py 6");
    try {
      String run = AuditRuns.start(Http.as(port, "operator", "operator"), "audit_live");
      await().atMost(PATIENCE).until(() -> stepRuns.ofRun(run).stream().anyMatch(s -> s.status() == StepRun.Status.RUNNING));
      browser.manage().window().setSize(LAPTOP);
      signIn("operator", "operator", "/runs/" + run);
      WebElement log = browser.findElement(By.cssSelector("pre.tail[data-tail]"));
      ((JavascriptExecutor) browser).executeScript("window.notReloaded = true;");

      await().atMost(PATIENCE).until(() -> !log.getText().isBlank());
      int first = log.getText().length();
      await().atMost(PATIENCE).until(() -> log.getText().length() > first);
      assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true;")).isEqualTo(true);
      screenshot("run-live");

      AuditRuns.awaitEnd(runtime, run);
      // The page reloads itself when the step ends: an element found just before is then gone.
      await().atMost(PATIENCE).ignoreExceptionsInstanceOf(StaleElementReferenceException.class)
          .until(() -> text("h1").contains("SUCCEEDED"));
    } finally {
      site.disable(Scenario.HANG);
    }
  }

  @Test
  void aRunPageWithLongCodeVersionsFitsA1400PixelWindowAndSpeaksInNamesAndTheViewersTime() {
    String run = runs.succeeded();
    jdbc.update("delete from code_state where process_instance_id = ?", run);
    for (int i = 0; i < 12; i++) {
      String repository = "lino_" + "x".repeat(40) + i;
      codeState(run, "before", "revision", repository, repository + " " + "1a2b3c4d".repeat(5) + " (tag: v24.11."
          + i + ") Merge branch 'release-candidate-with-a-very-long-name' of https://gitlab.com/lino-framework/x");
      codeState(run, "after", "revision", repository, repository + " " + "9f8e7d6c".repeat(5));
      codeState(run, "after", "freeze", "pkg" + i, "lino-some-package-with-a-long-name @ git+https://gitlab.com/"
          + "lino-framework/lino-some-package-with-a-long-name.git@" + "0123456789abcdef".repeat(3));
    }
    browser.manage().window().setSize(new Dimension(1400, 900));
    browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Kolkata"));
    signIn("operator", "operator", "/runs/" + run);

    assertThat(browser.findElements(By.cssSelector("table.code tbody tr"))).hasSizeGreaterThan(20);
    long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth;");
    long scrolled = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
    assertThat(scrolled).as("no horizontal scroll at 1400 px").isLessThanOrEqualTo(viewport);
    assertThat(text(".facts")).contains("Snapshot made").doesNotContain("SnapshotMade");
    assertThat(text("ol.timeline")).contains("Make snapshot").contains("Verify snapshot.zip");
    WebElement started = browser.findElement(By.cssSelector(".facts time"));
    assertThat(started.getAttribute("title")).endsWith(" UTC");
    assertThat(started.getText()).doesNotEndWith(" UTC").isNotEqualTo(started.getAttribute("title"));
    screenshot("run-code-versions-1400");
    browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "UTC"));
  }

  @Test
  void theRunPageOfAnUpgradeWithItsLongCommandsFitsA1400PixelWindow() {
    TestLino.productionSite(registry, "audit_wide");
    String run = runtime.startProcessInstanceByKey(ProductionUpgradeProcess.KEY,
        Map.of(StepVariables.SITE, "audit_wide", StepVariables.DRY_RUN, true)).getId();
    await().atMost(Duration.ofSeconds(60)).until(() -> tasks.createTaskQuery().processInstanceId(run)
        .taskDefinitionKey(ProductionUpgradeProcess.Elements.REVIEW_DRY_RUN).count() == 1);
    browser.manage().window().setSize(new Dimension(1400, 900));
    signIn("operator", "operator", "/runs/" + run);

    assertThat(browser.findElements(By.cssSelector("ol.timeline > li"))).hasSizeGreaterThan(10);
    long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth;");
    long scrolled = (Long) browser.executeScript("return document.documentElement.scrollWidth;");
    assertThat(scrolled).as("no horizontal scroll at 1400 px").isLessThanOrEqualTo(viewport);
    screenshot("run-upgrade-dry-1400");
    runtime.deleteProcessInstance(run, "test done");
  }

  private void codeState(String run, String phase, String kind, String name, String value) {
    jdbc.update("insert into code_state (process_instance_id, phase, kind, name, content, recorded_at)"
        + " values (?, ?, ?, ?, ?, ?)", run, phase, kind, name, value, Timestamp.from(Instant.now()));
  }

  private void signIn(String user, String password, String page) {
    browser.manage().deleteAllCookies();
    browser.get(url(page));
    assertThat(browser.getCurrentUrl()).contains("/signin");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    await().atMost(PATIENCE).until(() -> !browser.getCurrentUrl().contains("/signin"));
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private void screenshot(String name) {
    chromium.screenshot(name);
  }
}

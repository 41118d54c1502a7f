package org.linoconductor.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linoconductor.Chromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A newcomer on a fresh demo opens Cockpit, Tasklist and Admin in chromium: each shows Camunda's
 * login, never the first-start setup (which would let anyone create an administrator), and the
 * demo's operator signs in through that form to the application's start page; the tester signs in
 * to Tasklist. Screenshots go to {@code target/screenshots/demo-*.png}.
 *
 * <p>Key and mouse events that chromedriver sends never reach the pages of Camunda 7.24's web
 * applications in this headless chromium (not even an input added to the page; they do reach the
 * same page with its scripts off, and our own pages). So the form is filled as a password manager
 * fills it (the value, then an input event) and sent with a click on its own button.
 */
@ExtendWith(FreshDemo.Shared.class)
class DemoWebappsBrowserTest {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String LOGIN_FORM = "form[name=signinForm]";
  private static FreshDemo demo;
  private static Chromium chromium;
  private static ChromeDriver browser;

  @BeforeAll
  static void demoAndBrowser(FreshDemo freshDemo) {
    demo = freshDemo;
    chromium = Chromium.start();
    browser = chromium.driver();
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  @AfterAll
  static void browserQuits() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "cockpit, Camunda Cockpit, Running Process Instances",
    "tasklist, Camunda Tasklist, All tasks",
    "admin, Camunda Admin, Users"})
  void theOperatorSignsInThroughTheLoginOfEachApplication(String app, String title, String startPage) {
    signIn(app, "operator", "operator");

    assertThat(text(".navbar-brand .brand-name")).isEqualTo(title);
    await().atMost(PATIENCE).until(() -> text("body").contains(startPage));
    chromium.screenshot("demo-" + app + "-operator");
  }

  @Test
  void theTesterSignsInToTasklist() {
    signIn("tasklist", "tester", "tester");

    await().atMost(PATIENCE).until(() -> text("body").contains("All tasks"));
    chromium.screenshot("demo-tasklist-tester");
  }

  /** As a newcomer: no cookie, the application's address, its login form, the user's name in its header. */
  private static void signIn(String app, String user, String password) {
    browser.manage().deleteAllCookies();
    browser.get(demo.url("/camunda/app/" + app + "/"));
    await().atMost(PATIENCE).until(() -> !browser.findElements(By.cssSelector(LOGIN_FORM)).isEmpty());
    assertThat(browser.getCurrentUrl()).as("Camunda's login, not its first-start setup")
        .endsWith("/camunda/app/" + app + "/default/#/login");
    chromium.screenshot("demo-" + app + "-login");

    fill(LOGIN_FORM + " input[type=text]", user);
    fill(LOGIN_FORM + " input[type=password]", password);
    browser.executeScript("arguments[0].click();",
        browser.findElement(By.cssSelector(LOGIN_FORM + " button[type=submit]")));

    await().atMost(PATIENCE).until(() -> browser.findElements(By.cssSelector(LOGIN_FORM)).isEmpty());
    assertThat(text("li.account .dropdown-toggle")).isEqualTo(user);
  }

  private static void fill(String css, String value) {
    WebElement field = browser.findElement(By.cssSelector(css));
    ((JavascriptExecutor) browser).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        field, value);
  }

  private static String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().trim();
  }
}

package org.linoconductor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven by its chromedriver (both installed by {@code .ci/run}), with a
 * profile of its own that is deleted on close. Without chromium a browser test fails: it is never
 * skipped. Screenshots go to {@code target/screenshots/}.
 */
public final class Chromium implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Path profile;
  private final ChromeDriver driver;

  private Chromium(Path profile, ChromeDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  public static Chromium start() {
    assertThat(CHROMIUM).as("Debian chromium: apt-get install chromium chromium-driver (.ci/run does)")
        .isExecutable();
    assertThat(CHROMEDRIVER).as("Debian chromium-driver: apt-get install chromium-driver (.ci/run does)")
        .isExecutable();
    try {
      Path profile = Files.createTempDirectory("conductor-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
      Files.createDirectories(SCREENSHOTS);
      return new Chromium(profile, driver);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** The whole page: the window is made as tall as the page for the shot, then put back. */
  public void screenshot(String name) {
    Dimension size = driver.manage().window().getSize();
    long height = (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight;");
    driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.max(size.getHeight(), height + 100)));
    File shot = driver.getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.manage().window().setSize(size);
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }
}

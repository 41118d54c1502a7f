package org.linoconductor.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.site.DatabaseKind;
import org.linoconductor.site.ServiceCommands;
import org.linoconductor.site.Site;
import org.linoconductor.site.SiteLinks;
import org.linoconductor.site.SiteState;
import org.linoconductor.site.TestDatabase;
import org.linoconductor.step.StepContexts;
import org.linoconductor.step.StepOutcome;
import org.springframework.util.unit.DataSize;

/** remove-preview removes only what the run can prove it made; production is never touched. */
class RemovePreviewStepTest {

  @TempDir Path root;

  @Test
  void theRunsOwnDirectoryIsRemovedAndThePreviewLinkPutBack() throws Exception {
    Site production = production();
    Files.createDirectories(root.resolve("older"));
    Path berta = Files.createDirectories(root.resolve("berta"));
    NewSite.mark(berta, "test-run");
    Files.createSymbolicLink(berta.resolve("log"), production.directory()); // a link is removed, never followed
    SiteLinks.point(root, SiteLinks.PREVIEW, "berta");

    StepOutcome outcome = step().execute(StepContexts.real(
        StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "berta"), false),
        production, PreviewSetupProcess.Topics.REMOVE_PREVIEW, Map.of(Variables.PREVIOUS_PREVIEW, "older"),
        root.resolve(".logs")));

    assertThat(outcome.status()).as(outcome.summary()).isEqualTo(StepOutcome.Status.SUCCEEDED);
    assertThat(berta).doesNotExist();
    assertThat(SiteLinks.target(root, SiteLinks.PREVIEW)).contains("older");
    assertThat(production.directory().resolve("manage.py")).exists();
  }

  @Test
  void aDirectoryWithoutThisRunsMarkerIsLeftAlone() throws Exception {
    Site production = production();
    Path berta = Files.createDirectories(root.resolve("berta"));
    NewSite.mark(berta, "another-run");
    SiteLinks.point(root, SiteLinks.PREVIEW, "anna");

    StepOutcome outcome = step().execute(StepContexts.real(
        StepContexts.run(production, null, null, Map.of(Variables.NEW_SITE, "berta"), false),
        production, PreviewSetupProcess.Topics.REMOVE_PREVIEW, Map.of(), root.resolve(".logs")));

    assertThat(outcome.summary()).contains("left alone: not made by this run");
    assertThat(berta).isDirectory();
    assertThat(SiteLinks.target(root, SiteLinks.PREVIEW)).contains("anna");
  }

  private Site production() throws Exception {
    Path anna = Files.createDirectories(root.resolve("anna"));
    Files.writeString(anna.resolve("manage.py"), "# anna\n");
    return new Site("anna", root, anna, SiteState.PRODUCTION, ServiceCommands.DEFAULTS, DatabaseKind.SQLITE, false,
        "tester", List.of(), null, null, false, null);
  }

  private static RemovePreviewStep step() {
    // No preview row exists in this empty database, so the registry is never asked.
    return new RemovePreviewStep(null, new PreviewSites(TestDatabase.migratedH2()), new PreviewProperties(java.nio.file.Path.of("upgrades.log"), "0 0 2 * * ?", 2,
        List.of("true"),
        List.of("settings.py"), List.of(), DataSize.ofMegabytes(1), PreviewProperties.WebServer.NGINX,
        Path.of("target/vhosts"), "{site}.example.org", null, null));
  }
}

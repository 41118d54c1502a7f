package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linoconductor.site.SiteDirectories.request;
import static org.linoconductor.site.SiteDirectories.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteValidatorTest {

  @TempDir Path root;

  private final SiteValidator validator = new SiteValidator();

  @Test
  void aCompleteRequestBecomesASiteWithTheSeedsDefaults() {
    site(root, "anna");

    Site site = validator.validate(request("anna", root, "anna"));

    assertThat(site.directory()).isEqualTo(root.resolve("anna"));
    assertThat(site.state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(site.databaseKind()).isEqualTo(DatabaseKind.SQLITE);
    assertThat(site.serviceCommands()).isEqualTo(ServiceCommands.DEFAULTS);
    assertThat(site.serviceCommands().stop()).extracting(argv -> argv.get(2))
        .containsExactly("apache2", "supervisor", "cron");
  }

  @ParameterizedTest
  @ValueSource(strings = {"prod", "preview", "old", "new", "testing"})
  void reservedNamesAreRefusedBecauseASiteKeepsItsNameForLife(String name) {
    site(root, name);

    assertThatThrownBy(() -> validator.validate(request(name, root, name)))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessageContaining("'" + name + "' is reserved")
        .hasMessageContaining("virtualenv cannot be renamed")
        .extracting("field").isEqualTo("name");
  }

  @Test
  void archiveIsNoSiteNameBecauseArchiveSiteMovesOldSitesThere() {
    site(root, "archive");

    assertThatThrownBy(() -> validator.validate(request("archive", root, "archive")))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessage("Site name 'archive' is reserved: archive-site moves old sites into <root>/archive."
            + " Choose a neutral name such as 'anna'.")
        .extracting("field").isEqualTo("name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Anna", "1anna", "_anna", "an-na", "an na", "anna.", "a234567890123456789012345678901"})
  void namesOutsideThePatternAreRefusedWithThePatternExplained(String name) {
    assertThatThrownBy(() -> validator.validate(request(name, root, "anna")))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessageContaining("'" + name + "' is invalid")
        .hasMessageContaining("a lowercase letter first");
  }

  @Test
  void aThirtyCharacterNameIsAccepted() {
    String name = "a23456789012345678901234567890";
    site(root, name);

    assertThat(validator.validate(request(name, root, name)).name()).isEqualTo(name);
  }

  @Test
  void aDirectoryEscapingTheRootWithDotDotIsRefused() {
    Path elsewhere = site(root, "elsewhere");
    Path sites = root.resolve("sites");
    site(sites, "anna");

    assertThatThrownBy(() -> validator.validate(request("anna", sites, "anna/../../elsewhere")))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessageContaining("is not under the root")
        .extracting("field").isEqualTo("directory");
    assertThat(elsewhere).exists();
  }

  @Test
  void theRootItselfIsNotASiteDirectory() throws IOException {
    Files.createFile(root.resolve("manage.py"));

    assertThatThrownBy(() -> validator.validate(request("anna", root, ".")))
        .hasMessageContaining("is not under the root");
  }

  @Test
  void aSymbolicLinkLeadingOutsideTheRootIsRefused() throws IOException {
    Path outside = site(root, "outside");
    Path sites = Files.createDirectories(root.resolve("sites"));
    Files.createSymbolicLink(sites.resolve("anna"), outside);

    assertThatThrownBy(() -> validator.validate(request("anna", sites, "anna")))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessageContaining("leads outside the root")
        .hasMessageContaining("symbolic link");
  }

  @Test
  void aDirectoryWithoutManagePyIsRefused() throws IOException {
    Files.createDirectories(root.resolve("anna"));

    assertThatThrownBy(() -> validator.validate(request("anna", root, "anna")))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessageContaining("has no manage.py");
  }

  @Test
  void aMissingDirectoryIsRefused() {
    assertThatThrownBy(() -> validator.validate(request("anna", root, "anna")))
        .hasMessageContaining("does not exist");
  }

  @Test
  void aRelativeRootIsRefused() {
    assertThatThrownBy(() -> validator.validate(
            new SiteRequest("anna", "lino_local", "anna", null, null, null, "o", null, null, null, null, null)))
        .hasMessageContaining("is relative")
        .extracting("field").isEqualTo("root");
  }

  @Test
  void aMissingContactIsRefused() {
    site(root, "anna");

    assertThatThrownBy(() -> validator.validate(
            new SiteRequest("anna", root.toString(), "anna", null, null, null, " ", null, null, null, null, null)))
        .hasMessageContaining("contact is missing")
        .extracting("field").isEqualTo("contact");
  }

  @Test
  void serviceCommandsMustBeNonEmptyArgvListsOfNonBlankWords() {
    site(root, "anna");
    List<List<String>> nginx = List.of(List.of("sudo", "service", "nginx", "restart"));

    assertThatThrownBy(() -> validator.validate(withCommands(new ServiceCommands(List.of(), nginx, nginx))))
        .hasMessageContaining("at least one command")
        .extracting("field").isEqualTo("serviceCommands.stop");
    assertThatThrownBy(() -> validator.validate(withCommands(
            new ServiceCommands(nginx, List.of(List.of("sudo", " ")), nginx))))
        .hasMessageContaining("blank argument")
        .extracting("field").isEqualTo("serviceCommands.start[0]");
    assertThatThrownBy(() -> validator.validate(withCommands(new ServiceCommands(nginx, nginx, null))))
        .extracting("field").isEqualTo("serviceCommands.restartWeb");
  }

  private SiteRequest withCommands(ServiceCommands commands) {
    return new SiteRequest("anna", root.toString(), "anna", null, null, null, "anna_owner", null,
        null, null, commands, null);
  }
}

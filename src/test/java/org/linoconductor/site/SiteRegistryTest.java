package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linoconductor.site.SiteDirectories.request;
import static org.linoconductor.site.SiteDirectories.site;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class SiteRegistryTest {

  @TempDir Path root;

  private final JdbcTemplate jdbc = TestDatabase.migratedH2();
  private final SiteRegistry registry = TestDatabase.registry(jdbc);

  @Test
  void aRegisteredSiteReadsBackAsItWasRegistered() {
    site(root, "anna");
    ServiceCommands commands = new ServiceCommands(
        List.of(List.of("sudo", "service", "apache2", "stop"), List.of("sudo", "service", "cron", "stop")),
        List.of(List.of("sudo", "service", "cron", "start"), List.of("sudo", "service", "apache2", "start")),
        List.of(List.of("sudo", "systemctl", "reload", "nginx")));

    Site registered = registry.register(new SiteRequest("anna", root.toString(), "anna",
        SiteState.PREVIEW, DatabaseKind.POSTGRESQL, true, "anna_owner", List.of("tester", "berta"),
        "https://anna.example.org", "https://anna.example.org/news", commands, true));

    assertThat(registry.require("anna")).isEqualTo(registered);
    Site read = registry.find("anna").orElseThrow();
    assertThat(read.directory()).isEqualTo(root.resolve("anna"));
    assertThat(read.serviceCommands()).isEqualTo(commands);
    assertThat(read.testers()).containsExactly("berta", "tester");
    assertThat(read.usesElastic()).isTrue();
    assertThat(read.fourEyes()).isTrue();
    assertThat(registry.all()).containsExactly(read);
  }

  @Test
  void allListsTheSitesByName() {
    site(root, "berta");
    site(root, "anna");
    registry.register(request("berta", root, "berta"));
    registry.register(request("anna", root, "anna"));

    assertThat(registry.all()).extracting(Site::name).containsExactly("anna", "berta");
    assertThat(registry.all()).extracting(Site::fourEyes).as("the four-eyes rule is asked for").containsOnly(false);
  }

  @Test
  void aSecondRegistrationOfTheSameNameIsAConflictAndChangesNothing() {
    site(root, "anna");
    registry.register(request("anna", root, "anna"));

    assertThatThrownBy(() -> registry.register(request("anna", root, "anna")))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("'anna' is already registered");
    assertThat(jdbc.queryForObject("select count(*) from site_tester", Integer.class)).isEqualTo(1);
  }

  @Test
  void anInvalidRequestLeavesNoTrace() {
    assertThatThrownBy(() -> registry.register(request("prod", root, "prod")))
        .isInstanceOf(InvalidSiteException.class);
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void anUnknownSiteIsNamedWithWhereToRegisterIt() {
    assertThat(registry.find("zora")).isEmpty();
    assertThatThrownBy(() -> registry.require("zora"))
        .isInstanceOf(UnknownSiteException.class)
        .hasMessage("Unknown site 'zora': register it under /api/sites or in the sites YAML");
  }

  @Test
  void aSiteMovesAlongItsLifeCycleAndNotBackwards() {
    site(root, "anna");
    registry.register(new SiteRequest("anna", root.toString(), "anna", SiteState.PREVIEW, null,
        null, "anna_owner", null, null, null, null, null));

    assertThat(registry.changeState("anna", SiteState.PRODUCTION).state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(registry.require("anna").state()).isEqualTo(SiteState.PRODUCTION);
    assertThatThrownBy(() -> registry.changeState("anna", SiteState.PREVIEW))
        .isInstanceOf(SiteConflictException.class)
        .hasMessageContaining("cannot go from PRODUCTION to PREVIEW");
    assertThatThrownBy(() -> registry.changeState("zora", SiteState.OLD))
        .isInstanceOf(UnknownSiteException.class);
  }
}

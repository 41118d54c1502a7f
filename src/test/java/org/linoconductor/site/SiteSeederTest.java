package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linoconductor.site.SiteDirectories.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class SiteSeederTest {

  @TempDir Path root;

  private final JdbcTemplate jdbc = TestDatabase.migratedH2();
  private final SiteRegistry registry = TestDatabase.registry(jdbc);
  private final SiteSeeder seeder = new SiteSeeder(registry);

  @Test
  void seedingTwiceRegistersEachSiteOnce() throws IOException {
    site(root, "anna");
    site(root, "mdg3");
    Path yaml = write("""
        root: %s
        sites:
          - name: anna
            directory: anna
            state: preview
            contact: anna_owner
            testers: [tester]
          - name: mdg3
            directory: %s
            database-kind: postgresql
            uses-elastic: true
            contact: mdg_owner
            four-eyes: true
            release-notes-url: https://mdg3.example.org/news
            service-commands:
              stop: [[sudo, service, apache2, stop]]
              start: [[sudo, service, apache2, start]]
              restart-web: [[sudo, service, nginx, restart]]
        """.formatted(root, root.resolve("mdg3")));

    assertThat(seeder.seedFrom(yaml).registered()).containsExactly("anna", "mdg3");
    SiteSeeder.SeedReport second = seeder.seedFrom(yaml);

    assertThat(second.registered()).isEmpty();
    assertThat(second.alreadyRegistered()).containsExactly("anna", "mdg3");
    assertThat(jdbc.queryForObject("select count(*) from site", Integer.class)).isEqualTo(2);
    assertThat(jdbc.queryForObject("select count(*) from site_service_command", Integer.class))
        .isEqualTo(7 + 3);
    Site mdg3 = registry.require("mdg3");
    assertThat(mdg3.databaseKind()).isEqualTo(DatabaseKind.POSTGRESQL);
    assertThat(mdg3.usesElastic()).isTrue();
    assertThat(mdg3.fourEyes()).isTrue();
    assertThat(registry.require("anna").fourEyes()).isFalse();
    assertThat(mdg3.releaseNotesUrl()).isEqualTo("https://mdg3.example.org/news");
    assertThat(mdg3.serviceCommands().restartWeb()).containsExactly(List.of("sudo", "service", "nginx", "restart"));
    assertThat(registry.require("anna").state()).isEqualTo(SiteState.PREVIEW);
  }

  @Test
  void theExampleFileIsReadable() throws IOException {
    Path example = Path.of("src/main/resources/sites-example.yaml");
    String text = Files.readString(example).replace("/usr/local/lino/lino_local", root.toString());
    site(root, "anna");
    site(root, "mdg3");

    assertThat(seeder.seedFrom(write(text)).registered()).containsExactly("anna", "mdg3");
  }

  @Test
  void anInvalidEntryStopsSeedingWithTheFileAndEntryNamed() throws IOException {
    site(root, "prod");
    Path yaml = write("""
        sites:
          - name: prod
            root: %s
            directory: prod
            contact: someone
        """.formatted(root));

    assertThatThrownBy(() -> seeder.seedFrom(yaml))
        .hasMessageContaining("SITE-012")
        .hasMessageContaining(yaml.toString())
        .hasMessageContaining("entry 1")
        .hasMessageContaining("'prod' is reserved");
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void aSecondProductionSiteInARootStopsSeedingAtItsEntryAndTheRegistrationsSayTheSeedFileMadeThem()
      throws IOException {
    site(root, "anna");
    site(root, "berta");
    Path yaml = write("""
        root: %s
        sites:
          - name: anna
            directory: anna
            contact: someone
          - name: berta
            directory: berta
            contact: someone
        """.formatted(root));

    assertThatThrownBy(() -> seeder.seedFrom(yaml))
        .hasMessageContaining("SITE-012")
        .hasMessageContaining("entry 2")
        .hasMessageContaining("site 'anna' is the PRODUCTION site of the root " + root);
    assertThat(registry.all()).extracting(Site::name).containsExactly("anna");
    assertThat(registry.history("anna")).singleElement().satisfies(registration -> {
      assertThat(registration.from()).isNull();
      assertThat(registration.to()).isEqualTo(SiteState.PRODUCTION);
      assertThat(registration.changedBy()).isEqualTo(SiteSeeder.SEED_FILE);
    });
  }

  @Test
  void aMisspeltKeyIsAnError() throws IOException {
    Path yaml = write("""
        sites:
          - name: anna
            databse-kind: sqlite
        """);

    assertThatThrownBy(() -> seeder.seedFrom(yaml))
        .hasMessageContaining("entry 1")
        .hasMessageContaining("databse-kind");
  }

  @Test
  void aFileWithoutSitesIsAnError() throws IOException {
    assertThatThrownBy(() -> seeder.seedFrom(write("root: /tmp\n")))
        .hasMessageContaining("has no list 'sites'");
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(root, "sites", ".yaml"), yaml);
  }

  @Test
  void aSecondNameForARegisteredDirectoryOrAnUnknownKeyStopsSeedingNamingTheEntry() throws IOException {
    site(root, "anna");
    registry.register(SiteDirectories.request("anna", root, "anna"), "operator", null);
    Path sameDirectory = write("""
        root: %s
        sites:
          - name: anna2
            directory: anna
            state: preview
            contact: someone
        """.formatted(root));
    Path camelCase = write("""
        root: %s
        sites:
          - name: berta
            directory: berta
            contact: someone
            serviceCommands: {stop: [[sudo, service, apache2, stop]]}
        """.formatted(root));

    assertThatThrownBy(() -> seeder.seedFrom(sameDirectory))
        .hasMessageContaining("SITE-012").hasMessageContaining("entry 1")
        .hasMessageContaining("is the directory of site 'anna'");
    assertThatThrownBy(() -> seeder.seedFrom(camelCase))
        .hasMessageContaining("SITE-012")
        .hasMessageContaining("Unknown key 'serviceCommands' (did you mean 'service-commands'?)");
    assertThat(registry.all()).extracting(Site::name).containsExactly("anna");
  }

  @Test
  void anUnknownTopLevelKeyOrAKeyGivenTwiceIsRefused() throws IOException {
    Path misplaced = write("""
        root: %s
        contact: someone
        sites: []
        """.formatted(root));
    Path twice = write("""
        sites:
          - name: anna
            state: preview
            state: production
        """);

    assertThatThrownBy(() -> seeder.seedFrom(misplaced))
        .hasMessageContaining("SITE-011").hasMessageContaining("unknown top-level key(s) 'contact'");
    assertThatThrownBy(() -> seeder.seedFrom(twice))
        .hasMessageContaining("SITE-011").hasMessageContaining("duplicate key state");
  }
}

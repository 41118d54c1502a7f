package org.linoconductor.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linoconductor.site.SiteRequestReader.Spelling;

class SiteRequestReaderTest {

  private final SiteRequestReader json = new SiteRequestReader(Spelling.JSON);
  private final SiteRequestReader yaml = new SiteRequestReader(Spelling.YAML);

  @Test
  void jsonWithTheYamlSpellingIsRefusedNamingEveryKeyAndWhatWasMeant() {
    assertThatThrownBy(() -> json.read("""
        {"name": "anna", "root": "/srv", "directory": "anna", "contact": "o",
         "service-commands": {"stop": [["true"]]}, "database-kind": "postgresql"}"""))
        .isInstanceOf(InvalidSiteException.class)
        .hasMessageStartingWith("Unknown keys 'service-commands' (did you mean 'serviceCommands'?),"
            + " 'database-kind' (did you mean 'databaseKind'?): nothing was changed.")
        .hasMessageContaining("The API spells keys in camelCase (the sites YAML in kebab-case).")
        .hasMessageContaining("Known keys: name, root, directory, state, databaseKind,")
        .extracting("field").isEqualTo("service-commands");
  }

  @Test
  void yamlWithTheJsonSpellingIsRefusedTheOtherWayRound() {
    assertThatThrownBy(() -> yaml.read(Map.of("name", "anna", "releaseNotesUrl", "https://x.example.org")))
        .hasMessageStartingWith("Unknown key 'releaseNotesUrl' (did you mean 'release-notes-url'?)")
        .hasMessageContaining("restart-web");
  }

  @Test
  void aTypoIsRefusedWithTheKeyItWasProbablyMeantFor() {
    assertThatThrownBy(() -> json.read("{\"name\": \"anna\", \"contakt\": \"o\", \"colour\": \"red\"}"))
        .hasMessageStartingWith("Unknown keys 'contakt' (did you mean 'contact'?), 'colour':");
  }

  @Test
  void unknownKeysInsideServiceCommandsAreRefusedToo() {
    assertThatThrownBy(() -> json.read("""
        {"name": "anna", "serviceCommands": {"stop": [["true"]], "restart-web": [["true"]]}}"""))
        .hasMessageStartingWith("Unknown key 'serviceCommands.restart-web' (did you mean 'restartWeb'?)")
        .extracting("field").isEqualTo("serviceCommands.restart-web");
  }

  @Test
  void whatGetShowsButNobodyWritesIsReadOnly() {
    assertThatThrownBy(() -> json.read("{\"name\": \"anna\", \"history\": [], \"archivedTo\": null}"))
        .hasMessageContaining("'history' (read-only: GET shows it, Conductor writes it)")
        .hasMessageContaining("'archivedTo' (read-only");
  }

  @Test
  void aThousandUnknownKeysAreNotAllNamed() {
    StringBuilder body = new StringBuilder("{\"name\": \"anna\"");
    for (int i = 0; i < 1000; i++) {
      body.append(", \"k").append(i).append("\": 1");
    }
    String longKey = "x".repeat(5000);
    body.append(", \"").append(longKey).append("\": 1}");

    assertThatThrownBy(() -> json.read(body.toString()))
        .hasMessageContaining("and 996 more")
        .hasMessageNotContaining(longKey)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(1000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"production", "PRODUCTION", "Production"})
  void statesAndDatabaseKindsAreReadInAnyCase(String state) {
    SiteRequest request = json.read("{\"state\": \"" + state + "\", \"databaseKind\": \"" + state.replace("roduction",
        "ostgresql").replace("RODUCTION", "OSTGRESQL") + "\"}");

    assertThat(request.state()).isEqualTo(SiteState.PRODUCTION);
    assertThat(request.databaseKind()).isEqualTo(DatabaseKind.POSTGRESQL);
    assertThat(yaml.read(Map.of("state", state)).state()).isEqualTo(SiteState.PRODUCTION);
  }

  @Test
  void anUnknownStateNamesTheFieldAndTheChoicesWithoutEchoingAHugeValue() {
    String huge = "LIVE".repeat(10_000);

    assertThatThrownBy(() -> json.read("{\"state\": \"" + huge + "\"}"))
        .hasMessageStartingWith("Invalid value 'LIVELIVE")
        .hasMessageContaining("(40000 characters) for 'state': use one of preview, production, old, archived"
            + " (in any case).")
        .hasMessageNotContaining(huge)
        .extracting("field").isEqualTo("state");
  }

  @Test
  void aValueOfTheWrongTypeSaysHowToWriteIt() {
    assertThatThrownBy(() -> json.read("{\"testers\": \"tester\"}"))
        .hasMessage("The value of 'testers' has the wrong type: write a list of Camunda user ids, such as"
            + " [\"tester\"].")
        .extracting("field").isEqualTo("testers");
    assertThatThrownBy(() -> json.read("{\"serviceCommands\": {\"stop\": \"sudo service apache2 stop\"}}"))
        .hasMessageStartingWith("The value of 'serviceCommands.stop' has the wrong type: write an object with stop,"
            + " start and restartWeb");
    assertThatThrownBy(() -> yaml.read(Map.of("four-eyes", List.of("yes"))))
        .hasMessage("The value of 'four-eyes' has the wrong type: write true or false.");
  }

  @Test
  void aKeyGivenTwiceOrNoObjectIsRefused() {
    assertThatThrownBy(() -> json.read("{\"state\": \"preview\", \"state\": \"production\"}"))
        .hasMessageStartingWith("The request body is not valid JSON or gives a key twice (line 1, column");
    assertThatThrownBy(() -> json.read("[{\"name\": \"anna\"}]"))
        .hasMessageStartingWith("The request body is no JSON object");
    assertThatThrownBy(() -> json.read(""))
        .hasMessageStartingWith("The request body is no JSON object");
  }

  @Test
  void aPatchReplacesTheKeysItGivesAndNullResetsOne() {
    SiteRequest current = new SiteRequest("anna", "/srv", "/srv/anna", SiteState.PRODUCTION, DatabaseKind.MYSQL,
        true, "owner", List.of("tester"), "https://anna.example.org", null, ServiceCommands.DEFAULTS, true);

    SiteRequest patched = json.patched(current, json.object("""
        {"contact": "new_owner", "url": null,
         "serviceCommands": {"stop": [["sudo", "supervisorctl", "stop", "linod-anna"]]}}"""));

    assertThat(patched.contact()).isEqualTo("new_owner");
    assertThat(patched.url()).isNull();
    assertThat(patched.serviceCommands().stop())
        .containsExactly(List.of("sudo", "supervisorctl", "stop", "linod-anna"));
    assertThat(patched.serviceCommands().start()).isEqualTo(ServiceCommands.DEFAULTS.start());
    assertThat(patched).usingRecursiveComparison().ignoringFields("contact", "url", "serviceCommands")
        .isEqualTo(current);
  }
}

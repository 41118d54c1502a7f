package org.linoconductor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the client finds the server and the user: environment first, then the file, which must be private. */
class ClientSettingsTest {

  @TempDir Path home;

  @Test
  void theEnvironmentWinsAndTheFileAddsWhatItLeavesUnset() throws IOException {
    write("url=https://conductor.example.org/\nuser=olga\npassword=from-file\n", "rw-------");

    ClientSettings settings = ClientSettings.load(Map.of("HOME", home.toString(), ClientSettings.USER, "operator"));

    assertThat(settings.url()).hasToString("https://conductor.example.org");
    assertThat(settings.user()).isEqualTo("operator");
    assertThat(settings.password()).isEqualTo("from-file");
    assertThat(settings.engine()).isNull();
    assertThat(settings.toString()).doesNotContain("from-file");
  }

  @Test
  void aFileWithAPasswordOthersMayReadOrAFileOthersMayChangeIsRefused() throws IOException {
    write("user=olga\npassword=secret\n", "rw-r-----");
    assertThatThrownBy(() -> ClientSettings.load(Map.of("HOME", home.toString())))
        .hasMessageContaining("holds a password and may be read by others (rw-r-----): chmod 600")
        .hasMessageNotContaining("secret")
        .satisfies(e -> assertThat(((ClientFailure) e).exitStatus()).isEqualTo(ExitStatus.CONFIGURATION));

    write("url=http://127.0.0.1:8080\nuser=olga\n", "rw-rw-r--");
    assertThatThrownBy(() -> ClientSettings.load(Map.of("HOME", home.toString(), ClientSettings.PASSWORD, "x")))
        .hasMessageContaining("may be changed by others (rw-rw-r--)");

    write("url=http://127.0.0.1:8080\nuser=olga\n", "rw-r--r--");
    assertThat(ClientSettings.load(Map.of("HOME", home.toString(), ClientSettings.PASSWORD, "x")).user())
        .isEqualTo("olga");
  }

  @Test
  void withoutUserOrPasswordOrWithABadAddressItSaysWhatToSet() {
    Map<String, String> nothing = Map.of("HOME", home.toString());
    assertThatThrownBy(() -> ClientSettings.load(nothing)).hasMessageStartingWith("Who are you? Set CONDUCTOR_USER");
    // No terminal under the test: the client cannot ask.
    assertThatThrownBy(() -> ClientSettings.load(Map.of("HOME", home.toString(), ClientSettings.USER, "olga")))
        .hasMessageStartingWith("No password for olga: set CONDUCTOR_PASSWORD");
    assertThatThrownBy(() -> ClientSettings.load(Map.of("HOME", home.toString(), ClientSettings.USER, "olga",
        ClientSettings.PASSWORD, "x", ClientSettings.URL, "ftp://host")))
        .hasMessageContaining("is not an http:// or https:// address");
  }

  @Test
  void thePasswordTravellingUnencryptedToAnotherMachineIsNoticed() {
    assertThat(settings("http://127.0.0.1:8080").passwordInClear()).isFalse();
    assertThat(settings("http://localhost:8080").passwordInClear()).isFalse();
    assertThat(settings("https://conductor.example.org").passwordInClear()).isFalse();
    assertThat(settings("http://192.0.2.7:8080").passwordInClear()).isTrue();
  }

  private ClientSettings settings(String url) {
    return ClientSettings.load(Map.of("HOME", home.toString(), ClientSettings.URL, url, ClientSettings.USER, "olga",
        ClientSettings.PASSWORD, "x"));
  }

  private void write(String text, String mode) throws IOException {
    Path file = home.resolve(".config/conductor/config");
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
  }
}

package org.linoconductor.cli;

import java.io.Console;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where the server is and who calls it: the environment ({@code CONDUCTOR_URL}, {@code
 * CONDUCTOR_USER}, {@code CONDUCTOR_PASSWORD}, {@code CONDUCTOR_ENGINE}), completed by the
 * configuration file ({@code url=}, {@code user=}, {@code password=}, {@code engine=}), whose
 * place is {@code CONDUCTOR_CONFIG} or {@code ~/.config/conductor/config}. Without a password
 * anywhere, a terminal is asked for it. As ssh does with its keys, a file that others may change
 * (it names the server the password goes to) or that holds a password others may read is refused.
 *
 * @param engine the name of the process engine, or null for the server's own (paths without {@code /engine/…})
 */
record ClientSettings(URI url, String user, String password, String engine) {

  static final String URL = "CONDUCTOR_URL";
  static final String USER = "CONDUCTOR_USER";
  static final String PASSWORD = "CONDUCTOR_PASSWORD";
  static final String ENGINE = "CONDUCTOR_ENGINE";
  static final String CONFIG = "CONDUCTOR_CONFIG";
  /** Where the demo listens, and a server on the operator's own machine. */
  static final String DEFAULT_URL = "http://127.0.0.1:8080";

  private static final Set<PosixFilePermission> OTHERS_WRITE =
      Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  private static final Set<PosixFilePermission> OTHERS_READ =
      Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);

  static ClientSettings load(Map<String, String> environment) {
    Path file = configFile(environment);
    Properties fromFile = Files.isRegularFile(file) ? read(file) : new Properties();
    String url = value(environment, URL, fromFile, "url");
    String user = value(environment, USER, fromFile, "user");
    String password = value(environment, PASSWORD, fromFile, "password");
    if (user == null) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, "Who are you? Set " + USER
          + " (your Camunda user) or user= in " + file + ".");
    }
    if (password == null) {
      password = ask(user, url == null ? DEFAULT_URL : url, file);
    }
    return new ClientSettings(uri(url == null ? DEFAULT_URL : url), user, password,
        value(environment, ENGINE, fromFile, "engine"));
  }

  /** True when the password would travel unencrypted to another machine. */
  boolean passwordInClear() {
    if (!"http".equals(url.getScheme())) {
      return false;
    }
    try {
      return !InetAddress.getByName(url.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return true;
    }
  }

  /** Never the password: this may end up in a log. */
  @Override
  public String toString() {
    return "ClientSettings[url=" + url + ", user=" + user + ", engine=" + engine + "]";
  }

  static Path configFile(Map<String, String> environment) {
    String named = environment.get(CONFIG);
    if (named != null && !named.isBlank()) {
      return Path.of(named);
    }
    String xdg = environment.get("XDG_CONFIG_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
        : Path.of(environment.getOrDefault("HOME", System.getProperty("user.home")), ".config");
    return base.resolve("conductor").resolve("config");
  }

  private static Properties read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, "Cannot read " + file + ": " + e.getMessage());
    }
    checkPermissions(file, properties.getProperty("password") != null);
    return properties;
  }

  private static void checkPermissions(Path file, boolean holdsPassword) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException | IOException e) {
      return; // not a POSIX file system: nothing to check
    }
    String mode = PosixFilePermissions.toString(permissions);
    if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, file + " may be changed by others (" + mode
          + "), who could send your password elsewhere: chmod go-w " + file);
    }
    if (holdsPassword && permissions.stream().anyMatch(OTHERS_READ::contains)) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, file + " holds a password and may be read by others ("
          + mode + "): chmod 600 " + file);
    }
  }

  private static String value(Map<String, String> environment, String variable, Properties file, String key) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      value = file.getProperty(key);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String ask(String user, String url, Path file) {
    Console console = System.console();
    if (console == null) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, "No password for " + user + ": set " + PASSWORD
          + ", or password= in " + file + " (chmod 600).");
    }
    char[] typed = console.readPassword("Password of %s at %s: ", user, url);
    if (typed == null || typed.length == 0) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, "No password given.");
    }
    return new String(typed);
  }

  private static URI uri(String url) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, "'" + url + "' is not an address: write "
          + URL + " as " + DEFAULT_URL + " or https://conductor.example.org.");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new ClientFailure(ExitStatus.CONFIGURATION, "'" + url + "' is not an http:// or https:// address: write "
          + URL + " as " + DEFAULT_URL + " or https://conductor.example.org.");
    }
    return uri;
  }
}

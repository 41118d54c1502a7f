package org.linoconductor.site;

import static org.linoconductor.input.Shown.quoted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link SiteRequest} against the rules of the procedures and turns it into a
 * {@link Site}. Stops at the first broken rule, with a message that says what to do. Lengths are
 * checked before anything else, so that no over-long value reaches the file system or the database.
 */
@Component
class SiteValidator {

  /** The longest root, directory (also after resolving it against the root), url and release-notes url. */
  static final int MAX_PATH = 500;
  /** The longest Camunda user id (contact, each tester). */
  static final int MAX_USER_ID = 64;
  static final int MAX_TESTERS = 50;
  static final int MAX_COMMANDS = 20;
  static final int MAX_WORDS = 32;
  /** The words of one command together; with JSON's quotes they fit the 2000 characters of argv_json. */
  static final int MAX_COMMAND_LENGTH = 900;
  /** The longest host name; it becomes part of the group {@code host-<host>} of the host's agent user. */
  static final int MAX_HOST = 63;
  private static final Pattern HOST = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  Site validate(SiteRequest raw) {
    SiteRequest request = raw.withDefaults();
    String name = checkName(request.name());
    String host = checkHost(request.host());
    // The directories of a site on another host are not on this machine: its agent finds them, or says so.
    boolean here = host == null;
    Path root = checkRoot(request.root(), here);
    Path directory = checkDirectory(root, request.directory(), here);
    String contact = required("contact", bounded("contact", request.contact(), MAX_USER_ID),
        "Give the Camunda user id of the person who signs in and confirms after an upgrade.");
    if (request.testers().size() > MAX_TESTERS) {
      throw new InvalidSiteException("testers", "A site has at most " + MAX_TESTERS + " testers, not "
          + request.testers().size() + ": give the others the group testers-" + name + " in Camunda Admin.");
    }
    for (String tester : request.testers()) {
      required("testers", bounded("testers", tester, MAX_USER_ID),
          "Testers are Camunda user ids; remove the empty entry.");
    }
    // A set of user ids: sorted and without repeats, as the registry reads them back.
    List<String> testers = request.testers().stream().map(String::strip).distinct().sorted().toList();
    checkCommands(request.serviceCommands());
    return new Site(name, root, directory, request.state(), request.serviceCommands(),
        request.databaseKind(), request.usesElastic(), contact, testers,
        blankToNull(bounded("url", request.url(), MAX_PATH)),
        blankToNull(bounded("releaseNotesUrl", request.releaseNotesUrl(), MAX_PATH)), request.fourEyes(), null,
        host);
  }

  /** A host is a short name (no dots): Camunda's group ids, such as host-lino1, allow no more. */
  private static String checkHost(String text) {
    String host = blankToNull(bounded("host", text, MAX_HOST));
    if (host != null && !HOST.matcher(host).matches()) {
      throw new InvalidSiteException("host", "Host " + quoted(host) + " is not a short host name: use lowercase"
          + " letters, digits, '-' and '_' (no dots), such as lino1, and start the agent of that host with"
          + " --conductor.agent.host=lino1.");
    }
    return host;
  }

  /**
   * What makes two registrations the same site: where its directory really is, links resolved; on
   * another host, the host and the directory as registered (this machine cannot resolve them).
   */
  static Path realPath(Site site) {
    return site.host() == null ? realPath(site.directory()) : Path.of(site.host() + ":" + site.directory());
  }

  /**
   * Where {@code directory} really is, links resolved.
   *
   * @throws InvalidSiteException when it cannot be resolved
   */
  static Path realPath(Path directory) {
    try {
      return directory.toRealPath();
    } catch (IOException e) {
      throw new InvalidSiteException("directory", "Cannot resolve " + quoted(directory.toString()) + " ("
          + e.getClass().getSimpleName() + "): check that it exists and is readable by the conductor.");
    }
  }

  private static String checkName(String name) {
    SiteNames.check(name);
    return name;
  }

  private static Path checkRoot(String text, boolean here) {
    Path root = path("root",
        required("root", bounded("root", text, MAX_PATH), "Give the directory that holds the sites."));
    if (!root.isAbsolute()) {
      throw new InvalidSiteException("root", "Root " + quoted(text) + " is relative: give an absolute"
          + " path such as /usr/local/lino/lino_local.");
    }
    if (here && !Files.isDirectory(root)) {
      throw new InvalidSiteException("root", "Root " + quoted(root.toString()) + " is not an existing directory:"
          + " create it or correct the path.");
    }
    return root.normalize();
  }

  private static Path checkDirectory(Path root, String text, boolean here) {
    required("directory", bounded("directory", text, MAX_PATH),
        "Give the site's project directory (absolute, or relative to the root).");
    Path directory = root.resolve(path("directory", text)).normalize();
    bounded("directory", directory.toString(), MAX_PATH);
    if (!directory.startsWith(root) || directory.equals(root)) {
      throw new InvalidSiteException("directory", "Directory " + quoted(text) + " is not under the root "
          + quoted(root.toString()) + ": site directories live inside the root, next to the prod and preview links.");
    }
    if (!here) {
      return directory;
    }
    if (!Files.isDirectory(directory)) {
      throw new InvalidSiteException("directory", "Directory " + quoted(directory.toString()) + " does not exist:"
          + " create the site first or correct the path.");
    }
    // A symbolic link inside the root may lead anywhere: compare the real locations too.
    if (!realPath(directory).startsWith(realPath(root))) {
      throw new InvalidSiteException("directory", "Directory " + quoted(directory.toString()) + " leads outside the"
          + " root " + quoted(root.toString())
          + " through a symbolic link: register the real directory, under the root.");
    }
    if (!Files.isRegularFile(directory.resolve("manage.py"))) {
      throw new InvalidSiteException("directory", "Directory " + quoted(directory.toString()) + " has no manage.py:"
          + " give the Lino project directory, the one that holds manage.py and settings.py.");
    }
    return directory;
  }

  private static void checkCommands(ServiceCommands commands) {
    checkCommandList("serviceCommands.stop", commands.stop());
    checkCommandList("serviceCommands.start", commands.start());
    checkCommandList("serviceCommands.restartWeb", commands.restartWeb());
  }

  private static void checkCommandList(String field, List<List<String>> commands) {
    if (commands == null || commands.isEmpty()) {
      throw new InvalidSiteException(field, "Give at least one command for " + field
          + ", as a list of argv lists such as [[\"sudo\", \"service\", \"apache2\", \"stop\"]],"
          + " or leave serviceCommands out to use the defaults.");
    }
    if (commands.size() > MAX_COMMANDS) {
      throw new InvalidSiteException(field, field + " has " + commands.size() + " commands: at most "
          + MAX_COMMANDS + " are allowed. Put the rest into a script and give its path.");
    }
    for (int i = 0; i < commands.size(); i++) {
      List<String> argv = commands.get(i);
      String at = field + "[" + i + "]";
      if (argv == null || argv.isEmpty() || argv.stream().anyMatch(a -> a == null || a.isBlank())) {
        throw new InvalidSiteException(at, "Command " + (i + 1) + " of " + field
            + " is empty or has a blank argument: write each command as a list of non-blank"
            + " words, such as [\"sudo\", \"service\", \"apache2\", \"stop\"] (no shell line).");
      }
      if (argv.size() > MAX_WORDS || argv.stream().mapToInt(String::length).sum() > MAX_COMMAND_LENGTH) {
        throw new InvalidSiteException(at, "Command " + (i + 1) + " of " + field + " is too long: at most "
            + MAX_WORDS + " words of together " + MAX_COMMAND_LENGTH + " characters. Put it into a script and"
            + " give its path.");
      }
      argv.forEach(word -> noControlCharacters(at, word));
    }
  }

  /** {@code value} (may be null) when it has at most {@code max} characters and no control character. */
  private static String bounded(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidSiteException(field, "The site's " + field + " has " + value.length()
          + " characters: at most " + max + " are allowed.");
    }
    return noControlCharacters(field, value);
  }

  private static String noControlCharacters(String field, String value) {
    if (value != null && value.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSiteException(field, "The site's " + field + " " + quoted(value) + " holds a control"
          + " character (a line break, a tab, …): write it on one line, without them.");
    }
    return value;
  }

  private static String required(String field, String value, String hint) {
    if (value == null || value.isBlank()) {
      throw new InvalidSiteException(field, "The site's " + field + " is missing. " + hint);
    }
    return value.strip();
  }

  private static Path path(String field, String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new InvalidSiteException(field, quoted(text) + " is not a valid path: " + e.getReason() + ".");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

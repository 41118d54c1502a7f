package org.linoconductor.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link SiteRequest} against the rules of the procedures and turns it into a
 * {@link Site}. Stops at the first broken rule, with a message that says what to do.
 */
@Component
class SiteValidator {

  Site validate(SiteRequest raw) {
    SiteRequest request = raw.withDefaults();
    String name = checkName(request.name());
    Path root = checkRoot(request.root());
    Path directory = checkDirectory(root, request.directory());
    String contact = required("contact", request.contact(),
        "Give the Camunda user id of the person who signs in and confirms after an upgrade.");
    for (String tester : request.testers()) {
      required("testers", tester, "Testers are Camunda user ids; remove the empty entry.");
    }
    // A set of user ids: sorted and without repeats, as the registry reads them back.
    List<String> testers = request.testers().stream().map(String::strip).distinct().sorted().toList();
    checkCommands(request.serviceCommands());
    return new Site(name, root, directory, request.state(), request.serviceCommands(),
        request.databaseKind(), request.usesElastic(), contact, testers,
        blankToNull(request.url()), blankToNull(request.releaseNotesUrl()), request.fourEyes(), null);
  }

  private static String checkName(String name) {
    SiteNames.check(name);
    return name;
  }

  private static Path checkRoot(String text) {
    Path root = path("root", required("root", text, "Give the directory that holds the sites."));
    if (!root.isAbsolute()) {
      throw new InvalidSiteException("root", "Root '" + text + "' is relative: give an absolute"
          + " path such as /usr/local/lino/lino_local.");
    }
    if (!Files.isDirectory(root)) {
      throw new InvalidSiteException("root", "Root '" + root + "' is not an existing directory:"
          + " create it or correct the path.");
    }
    return root.normalize();
  }

  private static Path checkDirectory(Path root, String text) {
    required("directory", text, "Give the site's project directory (absolute, or relative to the root).");
    Path directory = root.resolve(path("directory", text)).normalize();
    if (!directory.startsWith(root) || directory.equals(root)) {
      throw new InvalidSiteException("directory", "Directory '" + text + "' is not under the root '"
          + root + "': site directories live inside the root, next to the prod and preview links.");
    }
    if (!Files.isDirectory(directory)) {
      throw new InvalidSiteException("directory", "Directory '" + directory + "' does not exist:"
          + " create the site first or correct the path.");
    }
    // A symbolic link inside the root may lead anywhere: compare the real locations too.
    if (!realPath(directory).startsWith(realPath(root))) {
      throw new InvalidSiteException("directory", "Directory '" + directory + "' leads outside the"
          + " root '" + root + "' through a symbolic link: register the real directory, under the root.");
    }
    if (!Files.isRegularFile(directory.resolve("manage.py"))) {
      throw new InvalidSiteException("directory", "Directory '" + directory + "' has no manage.py:"
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
    for (int i = 0; i < commands.size(); i++) {
      List<String> argv = commands.get(i);
      if (argv == null || argv.isEmpty() || argv.stream().anyMatch(a -> a == null || a.isBlank())) {
        throw new InvalidSiteException(field + "[" + i + "]", "Command " + argv + " of " + field
            + " is empty or has a blank argument: write each command as a list of non-blank"
            + " words, such as [\"sudo\", \"service\", \"apache2\", \"stop\"] (no shell line).");
      }
    }
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
      throw new InvalidSiteException(field, "'" + text + "' is not a valid path: " + e.getReason() + ".");
    }
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new InvalidSiteException("directory", "Cannot resolve '" + path + "' (" + e.getMessage()
          + "): check that it exists and is readable by the conductor.");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

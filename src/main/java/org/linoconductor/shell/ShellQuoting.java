package org.linoconductor.shell;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders argv as one line a reader (or a POSIX shell) takes apart the same way. */
final class ShellQuoting {

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellQuoting() {}

  static String join(List<String> argv) {
    return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
  }

  static String quote(String arg) {
    if (PLAIN.matcher(arg).matches()) {
      return arg;
    }
    // single quotes keep everything literal; a single quote itself is closed, escaped, reopened
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}

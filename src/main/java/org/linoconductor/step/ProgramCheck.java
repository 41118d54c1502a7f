package org.linoconductor.step;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linoconductor.shell.ShellResult;
import org.linoconductor.shell.ShellSetupException;

/**
 * Before a procedure changes anything: the programs it will run are there and can run unattended.
 * Checked through the step's own shell (the site's env/bin first on PATH, as the steps run them),
 * with invocations that change nothing: {@code which PROGRAM}, {@code sudo -n -l COMMAND} (sudo
 * says whether the command is allowed without a password, and runs nothing), {@code rsync --version}.
 */
public final class ProgramCheck {

  private static final String SUDO = "sudo";

  private ProgramCheck() {}

  /**
   * Problems of registered commands (empty when all can run): each program is found, and a command
   * that starts with sudo is allowed without a password prompt. Each program is looked up once, and each
   * sudo command asked about once, however many commands name it (a site's service commands usually all
   * start with the same program). In a dry run the checks are only rendered.
   *
   * @param registered per place the commands are registered (e.g. {@code serviceCommands.stop}), in order
   */
  public static List<String> commands(StepContext context, Map<String, List<List<String>>> registered) {
    List<String> problems = new ArrayList<>();
    Map<String, Optional<String>> lookedUp = new HashMap<>();
    Map<List<String>, ShellResult> askedSudo = new HashMap<>();
    registered.forEach((what, commands) -> {
      for (List<String> argv : commands) {
        String shown = String.join(" ", argv);
        String remedy = "Install it, or correct " + what + " in the site's registration (PUT or PATCH /api/sites/"
            + context.site().name() + ").";
        Optional<String> missing = lookedUp.computeIfAbsent(argv.get(0), program -> found(context, program, ""))
            .map(problem -> problem + remedy);
        missing.ifPresent(problem -> problems.add("'" + shown + "' of " + what + ": " + problem));
        if (SUDO.equals(argv.get(0)) && missing.isEmpty() && argv.size() > 1) {
          List<String> check = new ArrayList<>(List.of(SUDO, "-n", "-l"));
          check.addAll(argv.subList(1, argv.size()));
          ShellResult sudo = askedSudo.computeIfAbsent(check, argvOfCheck -> context.run(argvOfCheck));
          if (!context.dryRun() && !sudo.succeeded()) {
            problems.add("'" + shown + "' of " + what + " cannot run through sudo without a password prompt (sudo -n"
                + " -l said: " + lastLine(sudo.tail()) + "). Make sure the command exists, allow it for the user"
                + " Conductor runs as with NOPASSWD in sudoers, or register a command that needs no sudo, then retry.");
          }
        }
      }
    });
    return problems;
  }

  /** A problem when {@code program} is not found, else empty. */
  public static Optional<String> found(StepContext context, String program, String remedy) {
    if (program.startsWith("-")) {
      return Optional.of("'" + program + "' is not a program (it starts with '-'). " + remedy);
    }
    ShellResult which = context.run(List.of("which", program));
    if (context.dryRun() || which.succeeded()) {
      return Optional.empty();
    }
    return Optional.of("program '" + program + "' not found on this host (PATH: the site's env/bin, then "
        + System.getenv().getOrDefault("PATH", "") + "). " + remedy);
  }

  /**
   * A problem when a harmless invocation such as {@code rsync --version} does not start or does not
   * end with exit status 0 (a program may be found and still not run: a wrapper whose real program
   * is missing exits 127), else empty.
   */
  public static Optional<String> runs(StepContext context, List<String> argv, String remedy) {
    ShellResult result;
    try {
      result = context.run(argv);
    } catch (ShellSetupException e) {
      return Optional.of(e.getMessage() + " " + remedy);
    }
    if (context.dryRun() || result.succeeded()) {
      return Optional.empty();
    }
    return Optional.of("'" + String.join(" ", argv) + "' ended with exit status " + result.exitStatus() + " ("
        + lastLine(result.tail()) + "). " + remedy);
  }

  /** The last line a command printed (not the runner's footer), to quote it in a message. */
  public static String lastLine(String tail) {
    List<String> lines = tail.lines().filter(line -> !line.isBlank() && !line.startsWith("### ")).toList();
    return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
  }
}

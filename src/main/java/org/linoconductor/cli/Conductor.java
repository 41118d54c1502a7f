package org.linoconductor.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code conductor}: the root command, the exit statuses, and the one connection its commands share. */
@Command(name = "conductor", mixinStandardHelpOptions = true, versionProvider = Conductor.Version.class,
    description = "Starts, follows and decides the runs of Lino Conductor from a terminal.",
    subcommands = {SitesCommand.class, UpgradeCommand.class, SnapshotCommand.class, PreviewCommand.class,
        AttemptCommand.class, RunsCommand.class, ShowCommand.class, FollowCommand.class, TasksCommand.class,
        DecideCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nConfiguration:%n",
    footer = {
        "  " + ClientSettings.URL + "      Conductor's address (default " + ClientSettings.DEFAULT_URL + ")",
        "  " + ClientSettings.USER + "     your Camunda user",
        "  " + ClientSettings.PASSWORD + " its password (else asked for, in a terminal)",
        "  " + ClientSettings.ENGINE + "   the engine's name, when not the server's default",
        "  ~/.config/conductor/config (or " + ClientSettings.CONFIG + "): lines url=, user=,",
        "  password=, engine= for what the environment leaves unset (chmod 600)."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
        ExitStatus.OK + ":done; a followed run succeeded, ended its dry run or waits for a decision",
        ExitStatus.REFUSED + ":the server refused (its message is printed) or cannot be reached",
        ExitStatus.USAGE + ":wrong usage, or a value the task's form does not take",
        ExitStatus.NOT_SIGNED_IN + ":wrong user or password (HTTP 401)",
        ExitStatus.NOT_ALLOWED + ":the user may not do that (HTTP 403)",
        ExitStatus.CONFIGURATION + ":no user or password, or an unsafe configuration file",
        ExitStatus.FAILED + ":the followed run FAILED",
        ExitStatus.ROLLED_BACK + ":the followed run was ROLLED_BACK",
        ExitStatus.ABORTED + ":the followed run was ABORTED",
        ExitStatus.CANCELLED + ":the followed run was CANCELLED",
        ExitStatus.TIMED_OUT + ":the followed run TIMED_OUT (nobody decided an attempt)",
        ExitStatus.STUCK + ":the followed run is stuck at an incident (see Cockpit)",
        ExitStatus.SITE_DOWN + ":the followed run ended SITE_DOWN (the site's services are stopped)"})
public final class Conductor {

  private Server server;

  public static void main(String[] args) {
    // A start or a decision must never be sent twice: HttpURLConnection would repeat a POST whose
    // kept-alive connection the server had closed meanwhile.
    System.setProperty("sun.net.http.retryPost", "false");
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    CommandLine line = new CommandLine(new Conductor());
    line.setOut(visible(System.out));
    line.setErr(visible(System.err));
    line.setExecutionExceptionHandler((exception, command, parsed) -> {
      PrintWriter err = command.getErr();
      if (exception instanceof ClientFailure failure) {
        err.println("conductor: " + failure.getMessage());
        return failure.exitStatus();
      }
      err.println("conductor: unexpected error: " + exception);
      return ExitStatus.REFUSED;
    });
    return line;
  }

  private static PrintWriter visible(PrintStream stream) {
    return new PrintWriter(new VisibleControls(new OutputStreamWriter(stream, Charset.defaultCharset())), true);
  }

  /** The server, as the environment and the configuration file describe it; read when a command first needs it. */
  Server server(PrintWriter err) {
    if (server == null) {
      ClientSettings settings = ClientSettings.load(System.getenv());
      if (settings.passwordInClear()) {
        err.println("conductor: warning: the password goes unencrypted to " + settings.url()
            + ": use https:// for a server on another machine.");
      }
      server = new Server(settings);
    }
    return server;
  }

  /** The version of the jar, from its manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Conductor.class.getPackage().getImplementationVersion();
      return new String[] {"conductor " + (version == null ? "(development build)" : version)};
    }
  }
}

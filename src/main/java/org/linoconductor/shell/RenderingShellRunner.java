package org.linoconductor.shell;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell of a dry run: records each command exactly as the real runner would start it and reports
 * success without executing anything, creating nothing (not even the log file). One instance per dry
 * run; not a Spring bean, so that {@link ShellRunner} has one bean, the real one.
 */
public class RenderingShellRunner implements ShellRunner {

  private static final Logger LOG = LoggerFactory.getLogger(RenderingShellRunner.class);

  private final ShellProperties properties;
  private final List<RenderedCommand> commands = new CopyOnWriteArrayList<>();

  public RenderingShellRunner(ShellProperties properties) {
    this.properties = properties;
  }

  @Override
  public ShellResult run(ShellCommand command) {
    Redactor redactor = Redactor.forRun(properties, command);
    String line = redactor.redact(command.render());
    Map<String, String> environment = new LinkedHashMap<>();
    ProcessEnvironment.changes(command, System.getenv())
        .forEach((name, value) -> environment.put(name, redactor.redact(value)));
    commands.add(new RenderedCommand(command.site(), command.step(), line,
        command.argv().stream().map(redactor::redact).toList(), command.workingDirectory(),
        environment, command.timeout(), command.logFile()));
    LOG.info("SHELL-007 site={} step={} dry run: {}", command.site(), command.step(), line);
    Instant now = Instant.now();
    Map<String, List<String>> noFacts = new LinkedHashMap<>();
    command.matchers().forEach(m -> noFacts.put(m.fact(), List.of()));
    return new ShellResult(command, 0, false, now, now, "(dry run) " + line, command.logFile(), noFacts);
  }

  @Override
  public String render(ShellCommand command) {
    return Redactor.forRun(properties, command).redact(command.render());
  }

  /** The commands recorded so far, in the order they were run. */
  public List<RenderedCommand> commands() {
    return List.copyOf(commands);
  }
}

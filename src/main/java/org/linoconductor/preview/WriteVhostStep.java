package org.linoconductor.preview;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.linoconductor.preview.PreviewSetupProcess.Variables;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's "add a vhost to make the preview site accessible": {@code vhost-<server>.conf} of this
 * package filled with the site's name, directory and server name
 * ({@code conductor.preview.server-name-pattern}), written to {@code conductor.preview.vhost-dir}
 * as {@code <site>.conf}; then the site's restart-web commands, so the web server reads it.
 * A file of that name that this run did not write is never overwritten.
 */
@Component
class WriteVhostStep implements Step {

  private final PreviewProperties properties;

  WriteVhostStep(PreviewProperties properties) {
    this.properties = properties;
  }

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.WRITE_VHOST;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    String name = NewSite.name(context);
    Path file = properties.vhostDir().toAbsolutePath().normalize().resolve(name + ".conf");
    String text = render(properties.webServer(), Map.of(
        "SITE", name,
        "PRODUCTION", context.site().name(),
        "DIRECTORY", NewSite.dir(context).toString(),
        "ROOT", context.site().root().toString(),
        "SERVER_NAME", serverName(name)));
    if (!context.dryRun()) {
      try {
        boolean ours = file.toString().equals(context.variable(Variables.VHOST_FILE, String.class).orElse(null));
        if (Files.exists(file) && !ours && !Files.readString(file).equals(text)) {
          return StepOutcome.failed("The vhost file " + file + " exists and was not written by this run: move it"
              + " away or abort (conductor.preview.vhost-dir).");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Map<String, Object> written = context.dryRun() ? Map.of() : Map.of(Variables.VHOST_FILE, file.toString());
    for (List<String> argv : context.site().serviceCommands().restartWeb()) {
      var result = context.run(argv);
      if (!context.dryRun() && !result.succeeded()) {
        return StepOutcome.failed("Wrote " + file + ", but " + StepOutcome.fromExit(result, String.join(" ", argv))
            .summary()).with(written);
      }
    }
    return StepOutcome.succeeded((context.dryRun() ? "dry run: would write " : "Wrote ") + file + " ("
        + properties.webServer().name().toLowerCase(Locale.ROOT) + ", " + serverName(name) + ")", written);
  }

  String serverName(String site) {
    return properties.serverNamePattern().replace("{site}", site);
  }

  static String render(PreviewProperties.WebServer server, Map<String, String> values) {
    String resource = "vhost-" + server.name().toLowerCase(Locale.ROOT) + ".conf";
    String text;
    try (InputStream in = WriteVhostStep.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing template " + resource + " in " + WriteVhostStep.class.getPackageName());
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, String> value : values.entrySet()) {
      text = text.replace("{{" + value.getKey() + "}}", value.getValue());
    }
    return text;
  }
}

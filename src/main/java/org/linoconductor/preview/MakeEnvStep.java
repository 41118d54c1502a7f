package org.linoconductor.preview;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.linoconductor.step.FileTrees;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's "remove the env directory in the copy and create a new one with virtualenv": a
 * virtualenv cannot be moved, so the copied one is deleted and
 * {@code conductor.preview.make-env-command} makes a fresh one in the new site's directory.
 * The command runs in the new directory with production's env active (the shell runner activates
 * an existing env, and the new one does not exist yet): {@code python3 -m venv} from inside a venv
 * makes a venv of the base interpreter, so nothing of production's env is carried over.
 */
@Component
class MakeEnvStep implements Step {

  private final PreviewProperties properties;

  MakeEnvStep(PreviewProperties properties) {
    this.properties = properties;
  }

  @Override
  public String topic() {
    return PreviewSetupProcess.Topics.MAKE_ENV;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Path dir = NewSite.dir(context);
    List<String> argv = properties.makeEnvCommand().stream()
        .map(arg -> arg.replace("{site}", dir.toString()).replace("{root}", context.site().root().toString()))
        .toList();
    if (context.dryRun()) {
      context.run(dir, argv);
      return StepOutcome.succeeded("dry run: env of " + dir + " not replaced");
    }
    if (!NewSite.isOurs(dir, context.runId())) {
      return StepOutcome.failed(NewSite.notOurs(dir, context.runId()));
    }
    Path env = dir.resolve("env");
    if (Files.exists(env, LinkOption.NOFOLLOW_LINKS)) {
      FileTrees.delete(env); // the copy of production's env, or a half-made one of a failed try
    }
    var result = context.run(dir, argv);
    if (!result.succeeded()) {
      return StepOutcome.fromExit(result, String.join(" ", argv));
    }
    if (!Files.isDirectory(env)) {
      return StepOutcome.failed(String.join(" ", argv) + " ended with exit status 0 but made no " + env
          + ": check conductor.preview.make-env-command. See the log " + result.logFile());
    }
    return StepOutcome.succeeded("Fresh env in " + env);
  }
}

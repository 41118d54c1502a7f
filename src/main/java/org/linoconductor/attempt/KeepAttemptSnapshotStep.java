package org.linoconductor.attempt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * Cancel: the changes the users made during the attempt are never lost silently. make_snapshot.sh
 * in the preview (services stopped), then snapshot.zip copied to {@code attempt-<run>.zip} beside
 * it, where no later snapshot moves it; its path is the variable {@code attemptSnapshot}.
 */
@Component
class KeepAttemptSnapshotStep implements Step {

  static final String SCRIPT = "make_snapshot.sh";

  @Override
  public String topic() {
    return Topics.KEEP_SNAPSHOT;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Path dir = context.site().directory();
    var result = context.run(List.of(dir.resolve(SCRIPT).toString()));
    if (context.dryRun()) {
      return StepOutcome.succeeded("dry run: " + SCRIPT + " not run in " + context.site().name());
    }
    if (!result.succeeded()) {
      return StepOutcome.fromExit(result, SCRIPT + " in " + context.site().name());
    }
    Path zip = dir.resolve("snapshot.zip");
    Path kept = dir.resolve("attempt-" + context.runId() + ".zip");
    try {
      if (!Files.isRegularFile(zip) || Files.size(zip) == 0 || Files.getLastModifiedTime(zip).toInstant()
          .isBefore(context.runStarted().minusSeconds(1))) {
        return StepOutcome.failed(SCRIPT + " wrote no new snapshot.zip (or an empty one) in " + dir
            + ": the data of the attempt is not kept yet. See the log " + result.logFile() + ", then retry.");
      }
      Files.copy(zip, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      return StepOutcome.failed("Cannot copy " + zip + " to " + kept + ": " + e.getMessage());
    }
    return StepOutcome.succeeded("The data of the attempt is kept in " + kept,
        Map.of(Variables.ATTEMPT_SNAPSHOT, kept.toString()));
  }
}

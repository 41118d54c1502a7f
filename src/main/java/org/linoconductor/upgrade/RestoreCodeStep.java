package org.linoconductor.upgrade;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.CodeStateRepository.Phase;
import org.springframework.stereotype.Component;

/**
 * The roll-back of the code: every repository of {@code env/repositories} back to the revision
 * recorded before {@code pull.sh} in this run.
 *
 * <p>{@code git reset --keep REV}, not {@code git checkout REV} or {@code reset --hard}: it moves the
 * branch back (no detached HEAD, so the next {@code pull.sh} fast-forwards as usual) and refuses,
 * changing nothing, when a file it would have to change has uncommitted local changes; local changes
 * in other files stay. {@code --hard} would throw such changes away silently.
 *
 * <p>pip packages are not reinstalled. The repositories are installed for development
 * ({@code pip install -e}), so they follow their revisions; the pinned packages of {@code pip freeze}
 * would need {@code pip install name==version}, which the simulated site cannot show to work (its pip
 * only answers "Requirement already satisfied"), so that part is left to the operator: the
 * "before" freeze lines are in the table {@code code_state}.
 */
@Component
class RestoreCodeStep implements Step {

  static final String RECORDED_REVISION = "<revision recorded before pull.sh>";

  private final CodeStateRepository codeStates;

  RestoreCodeStep(CodeStateRepository codeStates) {
    this.codeStates = codeStates;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.RESTORE_CODE;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Optional<CodeState> before = codeStates.find(context.runId(), Phase.BEFORE);
    if (before.isEmpty() && context.dryRun()) {
      // A dry run recorded nothing: show the commands with a placeholder for the revisions.
      CodeStateReader.repositories(context.site()).forEach(repo -> reset(context, repo, RECORDED_REVISION));
      return StepOutcome.succeeded("dry run: the repositories would go back to the revisions recorded before pull.sh");
    }
    if (before.isEmpty() || before.get().revisions().isEmpty()) {
      return StepOutcome.failed("No code revisions were recorded before pull.sh in run " + context.runId()
          + ": the code cannot be put back automatically. Check env/repositories of " + context.site().directory()
          + " by hand (git log, git reflog) before starting the services.");
    }
    List<String> done = new ArrayList<>();
    for (Map.Entry<String, String> entry : before.get().sortedRevisions().entrySet()) {
      Path repo = CodeStateReader.repositoriesDir(context.site()).resolve(entry.getKey());
      var result = reset(context, repo, entry.getValue());
      if (!result.succeeded()) {
        return StepOutcome.failed("git reset --keep " + entry.getValue() + " failed in " + repo + " (exit status "
            + result.exitStatus() + "), e.g. because of uncommitted local changes there; nothing was changed in it."
            + (done.isEmpty() ? "" : " Already back: " + String.join(", ", done) + ".")
            + " Commit or stash the local changes (see the log " + result.logFile() + "), then retry.");
      }
      done.add(entry.getKey() + " " + entry.getValue().substring(0, Math.min(12, entry.getValue().length())));
    }
    String summary = "Code back to the revisions before pull.sh: " + String.join(", ", done)
        + " (pip packages not reinstalled)";
    return StepOutcome.succeeded(context.dryRun() ? "dry run: " + summary : summary);
  }

  private static org.linoconductor.shell.ShellResult reset(StepContext context, Path repo, String revision) {
    return context.run(List.of("git", "-C", repo.toString(), "reset", "--keep", revision));
  }
}

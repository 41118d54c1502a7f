package org.linoconductor.upgrade;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.CodeStateRepository.Phase;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * The seed's {@code pull.sh}, with the code state recorded before and after it: the roll-back
 * returns to the "before" state, and later steps skip what unchanged code does not need.
 */
@Component
class PullCodeStep implements Step {

  static final String SCRIPT = "pull.sh";

  private final CodeStateRepository codeStates;

  PullCodeStep(CodeStateRepository codeStates) {
    this.codeStates = codeStates;
  }

  @Override
  public String topic() {
    return ProductionUpgradeProcess.Topics.PULL_CODE;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    // A retry (after a failed pull.sh, say) keeps the first "before": that is the code the site ran
    // before this upgrade touched it, and what a roll-back must return to.
    Optional<CodeState> recorded = context.dryRun() ? Optional.empty() : codeStates.find(context.runId(), Phase.BEFORE);
    CodeState before;
    if (recorded.isPresent()) {
      before = recorded.get();
    } else {
      var reading = CodeStateReader.read(context);
      if (reading.problem() != null) {
        return StepOutcome.failed("Cannot record the code before pull.sh: " + reading.problem());
      }
      before = reading.state();
      if (!context.dryRun()) {
        codeStates.save(context.runId(), Phase.BEFORE, before, Instant.now());
      }
    }
    var pull = context.run(List.of(context.site().directory().resolve(SCRIPT).toString()));
    if (!pull.succeeded()) {
      var failed = StepOutcome.fromExit(pull, SCRIPT);
      return StepOutcome.failed(failed.summary() + " Some packages may be updated and others not;"
          + " retry, or roll back to the code recorded before pull.sh.");
    }
    var reading = CodeStateReader.read(context);
    if (reading.problem() != null) {
      return StepOutcome.failed("pull.sh ran, but the code after it cannot be recorded: " + reading.problem());
    }
    CodeState after = reading.state();
    if (context.dryRun()) {
      // Every later step then renders its command: the dry run shows the longest path.
      return StepOutcome.succeeded("dry run: pull.sh not run; the code counts as changed",
          Map.of(Variables.CODE_CHANGED, true));
    }
    codeStates.save(context.runId(), Phase.AFTER, after, Instant.now());
    boolean changed = !before.equals(after);
    return StepOutcome.succeeded(changed ? "pull.sh changed the code: " + differences(before, after)
            : "pull.sh brought no new code: the revisions and package versions are unchanged",
        Map.of(Variables.CODE_BEFORE, before.summary(), Variables.CODE_AFTER, after.summary(),
            Variables.CODE_CHANGED, changed));
  }

  private static String differences(CodeState before, CodeState after) {
    List<String> parts = new ArrayList<>();
    after.sortedRevisions().forEach((repo, revision) -> {
      String old = before.revisions().get(repo);
      if (!Objects.equals(old, revision)) {
        parts.add(repo + " " + abbreviate(old) + " → " + abbreviate(revision));
      }
    });
    var oldLines = new HashSet<>(before.packages());
    after.packages().stream().filter(line -> !oldLines.contains(line)).forEach(parts::add);
    return String.join(", ", parts);
  }

  private static String abbreviate(String revision) {
    return revision == null ? "(none)" : revision.substring(0, Math.min(12, revision.length()));
  }
}

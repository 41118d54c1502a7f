package org.linoconductor.attempt;

import java.time.Instant;
import java.util.Map;
import org.linoconductor.attempt.UpgradeAttemptProcess.Topics;
import org.linoconductor.attempt.UpgradeAttemptProcess.Variables;
import org.linoconductor.site.Site;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.linoconductor.upgrade.CodeState;
import org.linoconductor.upgrade.CodeStateReader;
import org.linoconductor.upgrade.CodeStateRepository;
import org.linoconductor.upgrade.CodeStateRepository.Phase;
import org.springframework.stereotype.Component;

/**
 * Which code is on trial: the revisions of {@code env/repositories} and {@code pip freeze}, of
 * production (phase BEFORE) and of the preview (phase AFTER), kept in table code_state for the
 * audit and as "name revision" lines in {@code codeBefore} and {@code codeOnTrial} for the
 * decision's form. Read-only; a retry replaces what an earlier try recorded.
 */
@Component
class RecordCodeVersionsStep implements Step {

  private final AttemptSites sites;
  private final CodeStateRepository codeStates;

  RecordCodeVersionsStep(AttemptSites sites, CodeStateRepository codeStates) {
    this.sites = sites;
    this.codeStates = codeStates;
  }

  @Override
  public String topic() {
    return Topics.RECORD_CODE_VERSIONS;
  }

  @Override
  public boolean changesSite() {
    return false;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    Site production = sites.production(context);
    CodeStateReader.Reading before = CodeStateReader.read(context, production);
    if (before.problem() != null) {
      return StepOutcome.failed("Cannot read the code of production site " + production.name() + ": "
          + before.problem());
    }
    CodeStateReader.Reading onTrial = CodeStateReader.read(context, context.site());
    if (onTrial.problem() != null) {
      return StepOutcome.failed("Cannot read the code on trial in " + context.site().name() + ": "
          + onTrial.problem());
    }
    if (!context.dryRun()) {
      codeStates.save(context.runId(), Phase.BEFORE, before.state(), Instant.now());
      codeStates.save(context.runId(), Phase.AFTER, onTrial.state(), Instant.now());
    }
    return StepOutcome.succeeded("Code before: " + oneLine(before.state()) + "; on trial: " + oneLine(onTrial.state()),
        Map.of(Variables.CODE_BEFORE, before.state().summary(), Variables.CODE_ON_TRIAL, onTrial.state().summary()));
  }

  private static String oneLine(CodeState state) {
    return state.summary().replace('\n', ',');
  }
}

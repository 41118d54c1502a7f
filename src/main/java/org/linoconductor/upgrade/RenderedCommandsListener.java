package org.linoconductor.upgrade;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.linoconductor.step.StepRun;
import org.linoconductor.step.StepRunRepository;
import org.springframework.stereotype.Component;

/**
 * Task listener on create of <em>Review rendered commands</em>: puts every command the dry run
 * rendered into the variable the form shows, read from the run's step records (the worker writes
 * them there, not into variables, because a run renders more than one variable can hold).
 */
@Component("renderedCommandsListener")
class RenderedCommandsListener implements TaskListener {

  /** Camunda keeps string variables in a 4000-character column. */
  static final int MAX_CHARS = 3800;

  private final StepRunRepository records;

  RenderedCommandsListener(StepRunRepository records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    String processInstanceId = task.getProcessInstanceId();
    task.setVariable(ProductionUpgradeProcess.Variables.RENDERED_COMMANDS,
        abbreviate(lines(records.ofRun(processInstanceId)), processInstanceId));
  }

  /** One line per command, {@code topic: command}; a step without command says why in its summary. */
  static String lines(List<StepRun> runs) {
    return runs.stream().map(run -> run.command() == null
            ? run.step() + ": (no command) " + (run.summary() == null ? "" : run.summary())
            : run.command().lines().map(command -> run.step() + ": " + command).collect(Collectors.joining("\n")))
        .collect(Collectors.joining("\n"));
  }

  /** Keeps whole lines and says where the rest is, so a long run never breaks the variable. */
  static String abbreviate(String text, String processInstanceId) {
    if (text.length() <= MAX_CHARS) {
      return text;
    }
    String note = "\n... cut here: every command of this run is in table step_run (run " + processInstanceId + ")";
    String kept = text.substring(0, MAX_CHARS - note.length());
    int lastLineEnd = kept.lastIndexOf('\n');
    return (lastLineEnd > 0 ? kept.substring(0, lastLineEnd) : kept) + note;
  }
}

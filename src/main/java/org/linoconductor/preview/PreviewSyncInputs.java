package org.linoconductor.preview;

import java.util.List;
import java.util.Optional;
import org.linoconductor.input.FormField;
import org.linoconductor.input.TaskForm;
import org.linoconductor.input.TaskForms;
import org.linoconductor.preview.PreviewSyncProcess.Actions;
import org.linoconductor.preview.PreviewSyncProcess.Forms;
import org.linoconductor.site.Site;
import org.linoconductor.step.StartParameters;
import org.linoconductor.step.StepVariables;
import org.springframework.stereotype.Component;

/**
 * What preview-sync takes from its users: at the start only site and dryRun (the production site it
 * syncs from is recorded from table preview_site); in its forms, the decision after a failed restore
 * (and step-failed's).
 */
@Component
class PreviewSyncInputs implements StartParameters, TaskForms {

  private final PreviewSites previews;

  PreviewSyncInputs(PreviewSites previews) {
    this.previews = previews;
  }

  @Override
  public String processKey() {
    return PreviewSyncProcess.KEY;
  }

  @Override
  public Optional<String> productionSite(Site site) {
    return Optional.of(previews.requireProductionOf(site.name()));
  }

  @Override
  public List<TaskForm> forms() {
    return List.of(TaskForm.of(Forms.ADAPT_RESTORE_SCRIPT,
        FormField.choice(StepVariables.ACTION, Actions.RETRY, Actions.ABORT).mandatory(),
        FormField.text(StepVariables.COMMENT, FormField.COMMENT_MAX_LENGTH)));
  }
}

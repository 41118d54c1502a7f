package org.linoconductor.step;

import java.util.List;
import org.linoconductor.input.FormField;
import org.linoconductor.input.TaskForm;
import org.linoconductor.input.TaskForms;
import org.springframework.stereotype.Component;

/** Form {@code step-failed}, shared by every process's decision on a failed step: retry or abort, and a comment. */
@Component
class StepFailedForm implements TaskForms {

  static final String KEY = "step-failed";

  @Override
  public List<TaskForm> forms() {
    return List.of(TaskForm.of(KEY, FormField.choice(StepVariables.ACTION, "retry", "abort").mandatory(),
        FormField.text(StepVariables.COMMENT, FormField.COMMENT_MAX_LENGTH)));
  }
}

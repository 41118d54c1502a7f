package org.linoconductor.preview;

import org.linoconductor.lino.RestoreScript;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/**
 * The seed's PART3: {@code python manage.py run snapshot2preview/restore2preview.py --noinput} in the
 * preview. Abandoned objects fail it with the variable unsavedInstances: the diagram then asks an
 * operator to adapt restore2preview.py.
 */
@Component
class RestoreToPreviewStep implements Step {

  @Override
  public String topic() {
    return PreviewSyncProcess.Topics.RESTORE_TO_PREVIEW;
  }

  @Override
  public boolean changesSite() {
    return true;
  }

  @Override
  public StepOutcome execute(StepContext context) {
    return RestoreScript.run(context, PreviewSyncProcess.RESTORE_SCRIPT_FILE);
  }
}

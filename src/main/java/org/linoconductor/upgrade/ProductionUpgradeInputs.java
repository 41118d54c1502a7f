package org.linoconductor.upgrade;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linoconductor.input.FormField;
import org.linoconductor.input.TaskForm;
import org.linoconductor.input.TaskForms;
import org.linoconductor.site.Site;
import org.linoconductor.snapshot.SiteSnapshotProcess;
import org.linoconductor.step.StartParameters;
import org.linoconductor.step.StartVariables;
import org.linoconductor.step.StepVariables;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Actions;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Forms;
import org.linoconductor.upgrade.ProductionUpgradeProcess.Variables;
import org.springframework.stereotype.Component;

/**
 * What production-upgrade takes from its users: at the start {@code acceptSmallerSnapshot} besides
 * site and dryRun (its snapshot is verified as site-snapshot's); in its forms the decision on a failed
 * step, the sign-off and the dry run's review, each with a comment.
 */
@Component
class ProductionUpgradeInputs implements StartParameters, TaskForms {

  @Override
  public String processKey() {
    return ProductionUpgradeProcess.KEY;
  }

  @Override
  public Set<String> names() {
    return Set.of(SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT);
  }

  @Override
  public Map<String, String> check(StartVariables variables, Site site) {
    return variables.flag(SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT)
        .map(accept -> Map.of(SiteSnapshotProcess.Variables.ACCEPT_SMALLER_SNAPSHOT, accept.toString()))
        .orElse(Map.of());
  }

  @Override
  public List<TaskForm> forms() {
    FormField comment = FormField.text(StepVariables.COMMENT, FormField.COMMENT_MAX_LENGTH);
    return List.of(
        TaskForm.of(Forms.UPGRADE_STEP_FAILED,
            FormField.choice(StepVariables.ACTION, Actions.RETRY, Actions.ROLLBACK, Actions.ABORT).mandatory(),
            FormField.flag(Variables.KEEP_SERVICES_STOPPED), comment),
        TaskForm.of(Forms.SIGN_OFF, FormField.flag(Variables.SITE_WORKS).mandatory(), comment),
        TaskForm.of(Forms.DRY_RUN_REVIEW, comment));
  }
}

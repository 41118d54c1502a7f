package org.linoconductor.snapshot;

import java.util.List;
import org.linoconductor.step.Step;
import org.linoconductor.step.StepContext;
import org.linoconductor.step.StepOutcome;
import org.springframework.stereotype.Component;

/** The seed's {@code ./make_snapshot.sh}: dumps the database and zips it into {@code snapshot.zip}. */
@Component
class MakeSnapshotStep implements Step {

  static final String SCRIPT = "make_snapshot.sh";

  @Override
  public String topic() {
    return SiteSnapshotProcess.Topics.MAKE_SNAPSHOT;
  }

  @Override
  public boolean changesSite() {
    return true; // it moves the previous snapshot.zip into the archive
  }

  @Override
  public StepOutcome execute(StepContext context) {
    var result = context.run(List.of(context.site().directory().resolve(SCRIPT).toString()));
    return StepOutcome.fromExit(result, SCRIPT);
  }
}

package org.linoconductor.step;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.linoconductor.shell.CommonsExecShellRunner;
import org.linoconductor.shell.RenderingShellRunner;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.site.Site;

/** Step contexts for tests of single steps, with the real shell runner (or the dry-run one). */
public final class StepContexts {

  private StepContexts() {}

  /** A context that runs commands for real, logging under {@code logDir}. */
  public static StepContext real(Site site, String topic, Map<String, Object> variables, Path logDir) {
    return new StepContext(site, "test-run", topic, variables, false,
        new CommonsExecShellRunner(ShellProperties.defaults()), logDir, Duration.ofMinutes(2),
        Instant.now().minusSeconds(1));
  }

  /** {@link #real(Site, String, Map, Path)} of the run {@code runId}. */
  public static StepContext real(Site site, String runId, String topic, Map<String, Object> variables, Path logDir) {
    return new StepContext(site, runId, topic, variables, false,
        new CommonsExecShellRunner(ShellProperties.defaults()), logDir, Duration.ofMinutes(2),
        Instant.now().minusSeconds(1));
  }

  /** A dry-run context: commands are rendered, nothing runs. */
  public static StepContext dryRun(Site site, String topic, Map<String, Object> variables, Path logDir) {
    return new StepContext(site, "test-run", topic, variables, true,
        new RenderingShellRunner(ShellProperties.defaults()), logDir, Duration.ofMinutes(2),
        Instant.now().minusSeconds(1));
  }

  /** The commands a context ran (or rendered), for assertions. */
  public static java.util.List<org.linoconductor.shell.ShellResult> results(StepContext context) {
    return context.results();
  }
}

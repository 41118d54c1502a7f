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

  /**
   * What a run on {@code site} was started with, as its record would hold it.
   *
   * @param productionSite the production of a preview's run, or null
   * @param startedBy who started it, or null
   * @param parameters its start parameters as recorded (e.g. {@code newSite})
   */
  public static RunIdentity run(Site site, String productionSite, String startedBy, Map<String, String> parameters,
      boolean dryRun) {
    return new RunIdentity("test-run", "test-process", site.name(), productionSite, dryRun, startedBy,
        Instant.now().minusSeconds(1), null, parameters);
  }

  /** A context that runs commands for real, logging under {@code logDir}, in a run without start parameters. */
  public static StepContext real(Site site, String topic, Map<String, Object> variables, Path logDir) {
    return real(run(site, null, null, Map.of(), false), site, topic, variables, logDir);
  }

  /** A context of the run {@code run} (see {@link #run}) that runs commands for real. */
  public static StepContext real(RunIdentity run, Site site, String topic, Map<String, Object> variables,
      Path logDir) {
    return new StepContext(site, run, topic, variables, new CommonsExecShellRunner(ShellProperties.defaults()),
        logDir, Duration.ofMinutes(2));
  }

  /** {@link #real(Site, String, Map, Path)} of the run {@code runId}. */
  public static StepContext real(Site site, String runId, String topic, Map<String, Object> variables, Path logDir) {
    RunIdentity run = new RunIdentity(runId, "test-process", site.name(), null, false, null,
        Instant.now().minusSeconds(1), null, Map.of());
    return real(run, site, topic, variables, logDir);
  }

  /** A dry-run context: commands are rendered, nothing runs. */
  public static StepContext dryRun(Site site, String topic, Map<String, Object> variables, Path logDir) {
    return new StepContext(site, run(site, null, null, Map.of(), true), topic, variables,
        new RenderingShellRunner(ShellProperties.defaults()), logDir, Duration.ofMinutes(2));
  }

  /** The commands a context ran (or rendered), for assertions. */
  public static java.util.List<org.linoconductor.shell.ShellResult> results(StepContext context) {
    return context.results();
  }
}

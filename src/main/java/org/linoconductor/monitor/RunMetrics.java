package org.linoconductor.monitor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.linoconductor.audit.RunEnded;
import org.linoconductor.audit.RunStarted;
import org.linoconductor.preview.NightlySyncEnded;
import org.linoconductor.preview.NightlySyncResult;
import org.linoconductor.step.StepEnded;
import org.linoconductor.step.StepRun;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts what the audit records as it happens, for {@code /actuator/prometheus}: runs started and ended
 * (by process and outcome), steps by duration and status, failed steps, and what each nightly sync did
 * with its previews. Tags are the fixed words of the diagrams and enums, never user text, so the
 * number of series stays small. Counters start from zero with each start of the application, as
 * Prometheus expects of a counter.
 */
@Component
class RunMetrics {

  private final MeterRegistry registry;

  RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @EventListener
  void started(RunStarted run) {
    Counter.builder("conductor.runs.started").description("Runs started")
        .tag("process", run.processKey()).register(registry).increment();
  }

  @EventListener
  void ended(RunEnded run) {
    Counter.builder("conductor.runs.ended").description("Runs ended, by how they ended")
        .tag("process", run.processKey()).tag("outcome", lower(run.outcome())).register(registry).increment();
  }

  @EventListener
  void stepEnded(StepEnded step) {
    Timer.builder("conductor.steps").description("Steps run by this node's worker: how long they took, how they ended")
        .tag("process", step.processKey()).tag("step", step.step()).tag("status", lower(step.status()))
        .register(registry).record(step.duration());
    if (step.status() == StepRun.Status.FAILED || step.status() == StepRun.Status.ERROR) {
      Counter.builder("conductor.steps.failed").description("Steps that failed or broke")
          .tag("process", step.processKey()).tag("step", step.step()).register(registry).increment();
    }
  }

  @EventListener
  void nightlySyncEnded(NightlySyncEnded nightly) {
    for (NightlySyncResult result : nightly.results()) {
      Counter.builder("conductor.nightly.sync.previews").description("Previews of nightly syncs, by result")
          .tag("result", lower(result.result())).register(registry).increment();
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}

package org.linoconductor.monitor;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The user tasks that wait for a person (a failed step's decision, a sign-off, a review): how many,
 * and how long the oldest has waited. Read from the engine when scraped, as the engine sees them all:
 * not only those the scraping user may see.
 */
@Component
class WaitingTasksMetrics implements MeterBinder {

  private final TaskService tasks;
  private final IdentityService identity;

  WaitingTasksMetrics(TaskService tasks, IdentityService identity) {
    this.tasks = tasks;
    this.identity = identity;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("conductor.tasks.waiting", this, WaitingTasksMetrics::waiting)
        .description("User tasks waiting for a decision").register(registry);
    TimeGauge.builder("conductor.tasks.oldest.age", this, TimeUnit.SECONDS, WaitingTasksMetrics::oldestAgeSeconds)
        .description("How long the oldest waiting user task has waited").register(registry);
  }

  private double waiting() {
    return asEngine(() -> (double) tasks.createTaskQuery().active().count());
  }

  private double oldestAgeSeconds() {
    return asEngine(() -> tasks.createTaskQuery().active().orderByTaskCreateTime().asc().listPage(0, 1).stream()
        .findFirst().map(Task::getCreateTime)
        .map(created -> (double) Duration.between(created.toInstant(), Instant.now()).toSeconds()).orElse(0.0));
  }

  /** Without the scraping user's authentication: Camunda authorization would count only their tasks. */
  private double asEngine(Supplier<Double> query) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return query.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}

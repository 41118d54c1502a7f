package org.linoconductor.step;

import java.util.concurrent.ScheduledExecutorService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.linoconductor.shell.ShellProperties;
import org.linoconductor.shell.ShellRunner;
import org.springframework.context.ApplicationEventPublisher;

/** What every step execution of the worker shares. */
record StepWorkerParts(
    ExternalTaskService engine,
    StepRunRepository records,
    ShellRunner shell,
    ShellProperties shellProperties,
    StepProperties properties,
    ScheduledExecutorService scheduler,
    ResultReporter reporter,
    StepFailedCatch failedCatch,
    ApplicationEventPublisher events) {}

package org.linoconductor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application without its step worker, for process tests that play the worker themselves:
 * they fetch and lock each external task as {@link #WORKER} and complete it (or throw STEP_FAILED)
 * with the variables a step would set. Every class with this annotation shares one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:conductor-process-test;DB_CLOSE_DELAY=-1",
    "camunda.bpm.job-execution.enabled=false",
    "conductor.steps.worker-enabled=false",
    "conductor.steps.node=" + ConductorProcessTest.WORKER,
    // Camunda keeps engines in a static registry by name: other test contexts keep theirs.
    "camunda.bpm.process-engine-name=processTest"})
@ActiveProfiles("test")
public @interface ConductorProcessTest {

  /** The worker id the tests lock external tasks with. */
  String WORKER = "conductor@process-test";
}

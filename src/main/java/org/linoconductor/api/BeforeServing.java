package org.linoconductor.api;

import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

/**
 * Start-up work that the first request may depend on (the demo's users and sites, the sites of
 * the seed file): done in a lifecycle phase before the web server's, which opens its port only
 * afterwards, so that nothing answers before the application is ready. An ApplicationRunner would
 * run when the server already answers.
 */
public abstract class BeforeServing implements SmartLifecycle {

  /** Below the web server's phase ({@code SMART_LIFECYCLE_PHASE - 1024}), with room for {@link #order}. */
  private static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 4096;

  private final int order;
  private volatile boolean done;

  /** @param order among these tasks, 0 to 1000: lower runs first */
  protected BeforeServing(int order) {
    if (order < 0 || order > 1000) {
      throw new IllegalArgumentException("order " + order + " is not within 0 to 1000");
    }
    this.order = order;
  }

  /** The work; an exception stops the start-up, as it should when the application cannot be ready. */
  protected abstract void prepare();

  @Override
  public final void start() {
    prepare();
    done = true;
  }

  @Override
  public final void stop() {
    done = false;
  }

  @Override
  public final boolean isRunning() {
    return done;
  }

  @Override
  public final int getPhase() {
    return PHASE + order;
  }
}

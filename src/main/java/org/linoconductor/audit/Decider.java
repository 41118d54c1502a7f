package org.linoconductor.audit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who decides a user task: the one the record names, and the one rules about sign-offs look at. */
public final class Decider {

  private Decider() {}

  /**
   * The user signed in to the engine call (REST, Tasklist), else the task's assignee: an engine call
   * without authentication (a test, an internal completion) acts for whoever holds the task; null
   * when neither is known.
   */
  public static String of(IdentityService identity, DelegateTask task) {
    Authentication user = identity.getCurrentAuthentication();
    return user != null ? user.getUserId() : task.getAssignee();
  }
}

package org.linoconductor.preview;

import org.camunda.bpm.engine.RepositoryService;

/**
 * preview-sync is built by its own feature. Until it is deployed with the application, tests of
 * preview-setup deploy a stand-in that ends at once; once the real one is there, it is used and
 * the tests complete its external tasks like any others.
 */
final class PreviewSyncStandIn {

  private PreviewSyncStandIn() {}

  static synchronized void deployIfAbsent(RepositoryService repository) {
    if (repository.createProcessDefinitionQuery().processDefinitionKey(PreviewSetupProcess.SYNC_KEY).count() == 0) {
      repository.createDeployment().name("preview-sync stand-in (tests)")
          .addClasspathResource("org/linoconductor/preview/preview-sync-stand-in.bpmn").deploy();
    }
  }
}

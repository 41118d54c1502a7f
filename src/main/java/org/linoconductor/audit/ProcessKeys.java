package org.linoconductor.audit;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The process keys runs may be filtered by: those deployed, and those in the record (a process may
 * have been retired). Asked on every request, so never a scan of all runs: the record's keys are read
 * once (a run can only start on a deployed process, so the deployed ones, read each time, cover every
 * newer key), and a single key is checked through the index on {@code run_record.process_key}.
 */
@Component
class ProcessKeys {

  private final AuditTrail trail;
  private final RepositoryService repository;
  private volatile Set<String> inRecord;

  ProcessKeys(AuditTrail trail, RepositoryService repository) {
    this.trail = trail;
    this.repository = repository;
  }

  /** Whether runs may be filtered by {@code key}. */
  boolean known(String key) {
    return repository.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0 || trail.hasRunsOf(key);
  }

  /** Every key, sorted: for a list to choose from and for the message naming an unknown one. */
  Set<String> all() {
    if (inRecord == null) {
      inRecord = Set.copyOf(trail.processKeys());
    }
    Set<String> keys = new TreeSet<>(inRecord);
    repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).forEach(keys::add);
    return keys;
  }
}

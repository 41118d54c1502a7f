package org.linoconductor.preview;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.linoconductor.preview.NightlySyncProcess.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * Wakes a nightly-sync run that waits for a free slot or a busy site the moment what it waits for may
 * have changed: a run ended (its sites and its sync slot are free) or began to wait for someone (a
 * user task or an incident: its slot is free, and a preview waiting for its sites is to be skipped).
 * The engine's history events reach this bean through the starter's Spring eventing; once their
 * transaction has committed, message {@value Messages#RUN_CHANGED} goes to every waiting night from
 * a thread of its own, so the thread that ended a run (a step's worker, a request) never runs a round.
 *
 * <p>No wake-up is lost to a race: a round reads {@link #changes()} before it reads anything else and
 * gives it back to {@link #afterRound}; a change that committed while the round ran found no night
 * waiting for its message, so the night is woken again as soon as the round has committed. One lost
 * in a crash between a commit and its message is caught by the one-minute timer beside the message.
 */
@Component
class NightlyWakeUp {

  private static final Logger log = LoggerFactory.getLogger(NightlyWakeUp.class);

  private final RuntimeService runtime;
  private final AtomicLong changes = new AtomicLong();
  private final AtomicBoolean queued = new AtomicBoolean();
  private final ExecutorService thread;

  NightlyWakeUp(RuntimeService runtime) {
    this.runtime = runtime;
    CustomizableThreadFactory threads = new CustomizableThreadFactory("nightly-wake-up-");
    threads.setDaemon(true);
    this.thread = Executors.newSingleThreadExecutor(threads);
  }

  @EventListener({HistoricProcessInstanceEventEntity.class, HistoricTaskInstanceEventEntity.class,
      HistoricIncidentEventEntity.class})
  void onHistoryEvent(HistoryEvent event) {
    if (mayFreeASlotOrSite(event)) {
      afterCommit(this::changed);
    }
  }

  private static boolean mayFreeASlotOrSite(HistoryEvent event) {
    String type = event.getEventType();
    if (event instanceof HistoricProcessInstanceEventEntity) {
      return HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(type)
          && !NightlySyncProcess.KEY.equals(event.getProcessDefinitionKey());
    }
    return event instanceof HistoricTaskInstanceEventEntity
        ? HistoryEventTypes.TASK_INSTANCE_CREATE.getEventName().equals(type)
        : HistoryEventTypes.INCIDENT_CREATE.getEventName().equals(type);
  }

  /** How many changes have committed so far; a round reads it first. */
  long changes() {
    return changes.get();
  }

  /** Called by a round with what {@link #changes()} said at its start: wakes the night again if it missed one. */
  void afterRound(long changesSeen) {
    afterCommit(() -> {
      if (changes.get() != changesSeen) {
        wake();
      }
    });
  }

  private void changed() {
    changes.incrementAndGet();
    wake();
  }

  private void wake() {
    if (queued.compareAndSet(false, true)) {
      thread.execute(() -> {
        queued.set(false);
        wakeWaitingNights();
      });
    }
  }

  private void wakeWaitingNights() {
    for (EventSubscription waiting : runtime.createEventSubscriptionQuery().eventType(EventType.MESSAGE.name())
        .eventName(Messages.RUN_CHANGED).list()) {
      String night = waiting.getProcessInstanceId();
      try {
        runtime.createMessageCorrelation(Messages.RUN_CHANGED).processInstanceId(night).correlateWithResult();
      } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
        // The timer moved the night on at the same moment: that round reads the change, or its own
        // afterRound wakes the night again.
        log.debug("Nightly sync {} moved on by itself: {}", night, e.getMessage());
      } catch (RuntimeException e) {
        log.warn("PREVIEW-005 Nightly sync {}: the round after a run ended or began to wait failed, the next one"
            + " comes within a minute: {}", night, e.toString());
      }
    }
  }

  /** Runs {@code action} when the engine's current transaction has committed (at once outside one). */
  private static void afterCommit(Runnable action) {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      action.run();
    } else {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> action.run());
    }
  }

  @PreDestroy
  void stop() {
    thread.shutdownNow();
  }
}

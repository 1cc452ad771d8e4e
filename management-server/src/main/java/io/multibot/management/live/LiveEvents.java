package io.multibot.management.live;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the application hands live events: they reach the stream only after the transaction that
 * made the change has committed, and not at all if it rolled back, so the console never shows a
 * state the database does not hold. The events of one transaction go out together, in the order
 * they were raised, with one synchronization per transaction (a round of a thousand outcomes is
 * one, not a thousand). Outside a transaction an event goes out at once; in a transaction already
 * marked for rollback it is dropped.
 */
@ApplicationScoped
public class LiveEvents {

  private static final Object KEY = new Object();

  /** The bean for callers CDI does not create (JPA entity listeners), looked up once. */
  private static volatile LiveEvents current;

  @Resource private TransactionSynchronizationRegistry transactions;

  private final EventHub hub;

  @Inject
  public LiveEvents(EventHub hub) {
    this.hub = hub;
  }

  /** For CDI's proxy only. */
  protected LiveEvents() {
    this(null);
  }

  /** This application's bean, for JPA entity listeners, which call it on every row change. */
  public static LiveEvents current() {
    LiveEvents found = current;
    if (found == null) {
      found = CDI.current().select(LiveEvents.class).get();
      current = found;
    }
    return found;
  }

  public void afterCommit(LiveEvent event) {
    int status =
        transactions == null ? Status.STATUS_NO_TRANSACTION : transactions.getTransactionStatus();
    if (status == Status.STATUS_NO_TRANSACTION) {
      hub.publish(List.of(event));
      return;
    }
    if (status != Status.STATUS_ACTIVE) {
      // marked for rollback (or ending): what it changed will not be in the database
      return;
    }
    @SuppressWarnings("unchecked")
    List<LiveEvent> pending = (List<LiveEvent>) transactions.getResource(KEY);
    if (pending == null) {
      List<LiveEvent> fresh = new ArrayList<>();
      transactions.putResource(KEY, fresh);
      transactions.registerInterposedSynchronization(new Publish(hub, fresh));
      pending = fresh;
    }
    pending.add(event);
  }

  /** Publishes a transaction's events once it has committed. */
  private record Publish(EventHub hub, List<LiveEvent> events) implements Synchronization {

    @Override
    public void beforeCompletion() {
      // nothing before the commit
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        hub.publish(List.copyOf(events));
      }
    }
  }
}

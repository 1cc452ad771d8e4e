package io.multibot.management.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Work that must only happen once a transaction's changes are in the database: publishing stored
 * commands, live events, waking the notification senders. It runs after the commit, not at all if
 * the transaction rolled back (or is already marked for rollback), and at once when there is no
 * transaction.
 */
@ApplicationScoped
public class AfterCommit {

  @Resource private TransactionSynchronizationRegistry transactions;

  /** Runs {@code task} after the current transaction commits. */
  public void run(Runnable task) {
    switch (status()) {
      case Status.STATUS_NO_TRANSACTION -> task.run();
      case Status.STATUS_ACTIVE -> transactions.registerInterposedSynchronization(new Task(task));
      default -> {
        // marked for rollback or ending: what it changed will not be in the database
      }
    }
  }

  /**
   * Collects {@code item} under {@code key} and hands everything collected under that key in this
   * transaction, in order, to {@code flush} once it has committed: one synchronization per
   * transaction and key however many items (a round of a thousand outcomes is one).
   */
  public <T> void collect(Object key, T item, Consumer<List<T>> flush) {
    int status = status();
    if (status == Status.STATUS_NO_TRANSACTION) {
      flush.accept(List.of(item));
      return;
    }
    if (status != Status.STATUS_ACTIVE) {
      return;
    }
    @SuppressWarnings("unchecked")
    List<T> pending = (List<T>) transactions.getResource(key);
    if (pending == null) {
      List<T> fresh = new ArrayList<>();
      transactions.putResource(key, fresh);
      transactions.registerInterposedSynchronization(
          new Task(() -> flush.accept(List.copyOf(fresh))));
      pending = fresh;
    }
    pending.add(item);
  }

  private int status() {
    return transactions == null
        ? Status.STATUS_NO_TRANSACTION
        : transactions.getTransactionStatus();
  }

  /** Runs its task once the transaction has committed, not at all if it rolled back. */
  private record Task(Runnable task) implements Synchronization {

    @Override
    public void beforeCompletion() {
      // nothing to do before the commit
    }

    @Override
    public void afterCompletion(int status) {
      if (status == Status.STATUS_COMMITTED) {
        task.run();
      }
    }
  }
}

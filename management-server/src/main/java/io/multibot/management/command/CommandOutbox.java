package io.multibot.management.command;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Hands a stored command to the publisher once the transaction that stored it has committed, and
 * not at all if it rolled back: nothing is sent that was not recorded.
 */
@ApplicationScoped
public class CommandOutbox {

  @Resource private TransactionSynchronizationRegistry transactions;

  private final CommandPublisher publisher;

  @Inject
  public CommandOutbox(CommandPublisher publisher) {
    this.publisher = publisher;
  }

  /** For CDI's proxy only. */
  protected CommandOutbox() {
    this(null);
  }

  /** Call inside the transaction that stores the command. */
  public void publishAfterCommit(String commandId) {
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // nothing to do before the commit
          }

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              publisher.publishLater(commandId);
            }
          }
        });
  }
}

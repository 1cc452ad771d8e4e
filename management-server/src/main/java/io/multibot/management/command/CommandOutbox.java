package io.multibot.management.command;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.List;

/**
 * The Redis adapter of {@link CommandDispatch}: hands a bot's stored commands to the publisher once
 * the transaction that stored them has committed, and not at all if it rolled back: nothing is sent
 * that was not recorded. The publisher sends the bot's whole backlog in order, so a command never
 * overtakes an older one that is still waiting to be sent.
 */
@ApplicationScoped
public class CommandOutbox implements CommandDispatch {

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

  @Override
  public void afterCommit(String botId) {
    afterCommit(() -> publisher.publishLater(botId));
  }

  /** A batch's bots: their backlogs go out together, a few transactions for all of them. */
  @Override
  public void afterCommit(List<String> botIds) {
    if (!botIds.isEmpty()) {
      List<String> bots = List.copyOf(botIds);
      afterCommit(() -> publisher.publishAllLater(bots));
    }
  }

  private void afterCommit(Runnable publish) {
    transactions.registerInterposedSynchronization(new AfterCommit(publish));
  }

  /** Runs its task once the transaction has committed, not at all if it rolled back. */
  private record AfterCommit(Runnable task) implements Synchronization {

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

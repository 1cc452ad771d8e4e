package io.multibot.management.command;

import io.multibot.management.platform.persistence.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The Redis adapter of {@link CommandDispatch}: hands a bot's stored commands to the publisher once
 * the transaction that stored them has committed, and not at all if it rolled back: nothing is sent
 * that was not recorded. The publisher sends the bot's whole backlog in order, so a command never
 * overtakes an older one that is still waiting to be sent.
 */
@ApplicationScoped
public class CommandOutbox implements CommandDispatch {

  private final CommandPublisher publisher;
  private final AfterCommit afterCommit;

  @Inject
  public CommandOutbox(CommandPublisher publisher, AfterCommit afterCommit) {
    this.publisher = publisher;
    this.afterCommit = afterCommit;
  }

  /** For CDI's proxy only. */
  protected CommandOutbox() {
    this(null, null);
  }

  @Override
  public void afterCommit(String botId) {
    afterCommit.run(() -> publisher.publishLater(botId));
  }

  /** A batch's bots: their backlogs go out together, a few transactions for all of them. */
  @Override
  public void afterCommit(List<String> botIds) {
    if (!botIds.isEmpty()) {
      List<String> bots = List.copyOf(botIds);
      afterCommit.run(() -> publisher.publishAllLater(bots));
    }
  }
}

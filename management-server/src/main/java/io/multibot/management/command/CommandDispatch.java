package io.multibot.management.command;

/**
 * The port through which the command use cases hand stored commands on to the gateways. A use case
 * calls it inside the transaction that stores a bot's command; the adapter ({@link CommandOutbox})
 * sends the bot's backlog over Redis once that transaction has committed, and nothing if it rolled
 * back. Unit tests of the use cases record the calls instead.
 */
public interface CommandDispatch {

  /** The bot has a new command stored in the current transaction: send its backlog after commit. */
  void afterCommit(String botId);

  /**
   * Each of these bots has a new command stored in the current transaction (a batch): send their
   * backlogs after commit, together where the adapter can.
   */
  default void afterCommit(java.util.List<String> botIds) {
    botIds.forEach(this::afterCommit);
  }
}

package io.multibot.management.status;

import io.multibot.common.status.BotPoll;

/**
 * The figures of a poll that the fleet views show, kept in the status row beside the snapshot they
 * come from so that a fleet read needs no snapshot. Invariant: a row's figures always describe its
 * snapshot (both are written together in {@link BotStatusRecord#seen}); {@code StatusFiguresIT}
 * compares them after polls that change the figures.
 */
record PollFigures(
    String managedState,
    Integer openTrades,
    Integer maxOpenTrades,
    Double profitClosed,
    Double profitAll,
    Double balance,
    Integer winningTrades,
    Integer losingTrades) {

  static PollFigures of(BotPoll poll) {
    return new PollFigures(
        poll.managedState() == null ? null : poll.managedState().name(),
        poll.openTrades() == null ? null : poll.openTrades().size(),
        poll.shown() == null ? null : poll.shown().maxOpenTrades(),
        poll.profit() == null ? null : poll.profit().closed(),
        poll.profit() == null ? null : poll.profit().all(),
        poll.balance() == null ? null : poll.balance().total(),
        poll.profit() == null ? null : poll.profit().winning(),
        poll.profit() == null ? null : poll.profit().losing());
  }
}

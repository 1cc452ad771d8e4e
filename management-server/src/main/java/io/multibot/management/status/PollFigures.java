package io.multibot.management.status;

import io.multibot.common.status.BotPoll;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Objects;

/**
 * The figures of a poll that the fleet views show, kept in the status row (columns of {@code
 * bot_status}) beside the snapshot they come from, so that a fleet read needs no snapshot.
 * Invariant: a row's figures always describe its snapshot (both are written together in {@link
 * BotStatusRecord#seen}, and nothing else writes either); {@code StatusServiceTest} compares them
 * after answered and missed polls, and {@code FleetStatusIT} compares the portfolio built from them
 * with the bots' own {@code /profit}.
 */
@Embeddable
public class PollFigures {

  /** No figures: a row without a snapshot. */
  static final PollFigures NONE = new PollFigures();

  @Column(name = "managed_state", length = 20)
  private String managedState;

  @Column(name = "open_trades")
  private Integer openTrades;

  @Column(name = "max_open_trades")
  private Integer maxOpenTrades;

  @Column(name = "profit_closed")
  private Double profitClosed;

  @Column(name = "profit_all")
  private Double profitAll;

  @Column(name = "balance")
  private Double balance;

  @Column(name = "winning_trades")
  private Integer winningTrades;

  @Column(name = "losing_trades")
  private Integer losingTrades;

  /** For JPA. */
  protected PollFigures() {}

  static PollFigures of(BotPoll poll) {
    PollFigures figures = new PollFigures();
    figures.managedState = poll.managedState() == null ? null : poll.managedState().name();
    figures.openTrades = poll.openTrades() == null ? null : poll.openTrades().size();
    figures.maxOpenTrades = poll.shown() == null ? null : poll.shown().maxOpenTrades();
    BotPoll.Profit profit = poll.profit();
    if (profit != null) {
      figures.profitClosed = profit.closed();
      figures.profitAll = profit.all();
      figures.winningTrades = profit.winning();
      figures.losingTrades = profit.losing();
    }
    figures.balance = poll.balance() == null ? null : poll.balance().total();
    return figures;
  }

  String managedState() {
    return managedState;
  }

  Integer openTrades() {
    return openTrades;
  }

  Integer maxOpenTrades() {
    return maxOpenTrades;
  }

  Double profitClosed() {
    return profitClosed;
  }

  Double profitAll() {
    return profitAll;
  }

  Double balance() {
    return balance;
  }

  Integer winningTrades() {
    return winningTrades;
  }

  Integer losingTrades() {
    return losingTrades;
  }

  private List<Object> values() {
    return java.util.Arrays.asList(
        managedState,
        openTrades,
        maxOpenTrades,
        profitClosed,
        profitAll,
        balance,
        winningTrades,
        losingTrades);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PollFigures figures && values().equals(figures.values());
  }

  @Override
  public int hashCode() {
    return Objects.hash(values().toArray());
  }

  @Override
  public String toString() {
    return "PollFigures" + values();
  }
}

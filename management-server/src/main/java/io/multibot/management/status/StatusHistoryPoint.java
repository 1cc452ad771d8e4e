package io.multibot.management.status;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One downsampled point of a bot's figures (at most one per history step). */
@Entity
@Table(name = "bot_status_history")
public class StatusHistoryPoint {

  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "bot_id", nullable = false, length = 36)
  private String botId;

  @Column(name = "recorded_at", nullable = false)
  private Instant at;

  @Column(name = "profit_closed")
  private Double profitClosed;

  @Column(name = "profit_all")
  private Double profitAll;

  @Column private Double balance;

  @Column(name = "open_trades")
  private Integer openTrades;

  protected StatusHistoryPoint() {}

  StatusHistoryPoint(
      String botId,
      Instant at,
      Double profitClosed,
      Double profitAll,
      Double balance,
      Integer openTrades) {
    this.id = UUID.randomUUID().toString();
    this.botId = botId;
    this.at = at;
    this.profitClosed = profitClosed;
    this.profitAll = profitAll;
    this.balance = balance;
    this.openTrades = openTrades;
  }

  public Instant getAt() {
    return at;
  }

  public Double getProfitClosed() {
    return profitClosed;
  }

  public Double getProfitAll() {
    return profitAll;
  }

  public Double getBalance() {
    return balance;
  }

  public Integer getOpenTrades() {
    return openTrades;
  }
}

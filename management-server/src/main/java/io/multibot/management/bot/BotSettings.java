package io.multibot.management.bot;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;

/**
 * A bot's freqtrade settings, validated: the keys Multibot reads have columns, the rest of the
 * freqtrade config is a JSON object. Pairs are stored as a JSON array.
 */
@Embeddable
public class BotSettings {

  @Column(name = "strategy_name", nullable = false, length = 100)
  private String strategyName;

  /** The pinned version; {@code null} follows the latest. */
  @Column(name = "strategy_version")
  private Integer strategyVersion;

  @Column(nullable = false, length = 50)
  private String exchange;

  @Column(name = "stake_currency", nullable = false, length = 20)
  private String stakeCurrency;

  /** A positive decimal, or {@code unlimited}. */
  @Column(name = "stake_amount", nullable = false, length = 40)
  private String stakeAmount;

  @Column(name = "max_open_trades", nullable = false)
  private int maxOpenTrades;

  @Column(nullable = false, length = 5)
  private String timeframe;

  @Column(name = "dry_run", nullable = false)
  private boolean dryRun;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "pair_whitelist", nullable = false)
  private String pairWhitelistJson;

  @Lob
  @Basic(fetch = FetchType.EAGER)
  @Column(name = "extra_config", nullable = false)
  private String extraConfigJson;

  protected BotSettings() {}

  @SuppressWarnings("checkstyle:ParameterNumber")
  BotSettings(
      StrategyRef strategy,
      String exchange,
      String stakeCurrency,
      String stakeAmount,
      int maxOpenTrades,
      String timeframe,
      boolean dryRun,
      String pairWhitelistJson,
      String extraConfigJson) {
    this.strategyName = strategy.name();
    this.strategyVersion = strategy.version();
    this.exchange = exchange;
    this.stakeCurrency = stakeCurrency;
    this.stakeAmount = stakeAmount;
    this.maxOpenTrades = maxOpenTrades;
    this.timeframe = timeframe;
    this.dryRun = dryRun;
    this.pairWhitelistJson = pairWhitelistJson;
    this.extraConfigJson = extraConfigJson;
  }

  public StrategyRef getStrategy() {
    return new StrategyRef(strategyName, strategyVersion);
  }

  public String getExchange() {
    return exchange;
  }

  public String getStakeCurrency() {
    return stakeCurrency;
  }

  public String getStakeAmount() {
    return stakeAmount;
  }

  public int getMaxOpenTrades() {
    return maxOpenTrades;
  }

  public String getTimeframe() {
    return timeframe;
  }

  public boolean isDryRun() {
    return dryRun;
  }

  public String getPairWhitelistJson() {
    return pairWhitelistJson;
  }

  public String getExtraConfigJson() {
    return extraConfigJson;
  }
}

package io.multibot.management.risk;

import io.multibot.management.platform.api.WireNames;
import java.util.Optional;

/**
 * What a policy measures. Every figure is a "badness" compared with the threshold: the policy is
 * breached when a figure reaches it. Money is measured per stake currency, never summed across
 * currencies.
 */
public enum RiskKind {
  /** Loss of closed and open trades, in % of the starting balance (balance minus profit). */
  MAX_DRAWDOWN_PERCENT("max-drawdown-percent", true),
  /** Loss of closed and open trades, in the stake currency. */
  MAX_DRAWDOWN("max-drawdown", true),
  /** Realised loss since 00:00 UTC, in the stake currency. */
  DAILY_LOSS("daily-loss", true),
  /**
   * What the open trades in one asset are worth now across the scope's bots (amount × current
   * rate), per stake currency.
   */
  MAX_ASSET_EXPOSURE("max-asset-exposure", true),
  /** Open trades across the scope. */
  MAX_OPEN_TRADES("max-open-trades", false),
  /** Minutes a bot that holds open trades has not answered. */
  OFFLINE_WITH_POSITIONS("offline-with-positions", false),
  /** Polls in a row that did not reach a bot. */
  MISSED_POLLS("missed-polls", false);

  private final String wire;
  private final boolean money;

  RiskKind(String wire, boolean money) {
    this.wire = wire;
    this.money = money;
  }

  public String wire() {
    return wire;
  }

  boolean money() {
    return money;
  }

  static Optional<RiskKind> parse(String wire) {
    return WireNames.find(values(), RiskKind::wire, wire);
  }
}

package io.multibot.management.bot;

import java.util.Set;
import java.util.regex.Pattern;

/** The shapes bot fields must have, as freqtrade and ccxt expect them. */
final class BotRules {

  static final String UNLIMITED = "unlimited";
  static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,49}");
  static final Pattern EXCHANGE = Pattern.compile("[a-z][a-z0-9_]{1,49}");
  static final Pattern CURRENCY = Pattern.compile("[A-Z0-9]{2,10}");

  /** {@code BASE/QUOTE}, or {@code BASE/QUOTE:SETTLE} for futures. */
  static final Pattern PAIR =
      Pattern.compile("([A-Z0-9][A-Z0-9.-]{0,19})/([A-Z0-9]{2,10})(?::([A-Z0-9]{2,10}))?");

  static final Set<String> TIMEFRAMES =
      Set.of(
          "1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d",
          "1w", "1M");
  static final String DEFAULT_RESTART_POLICY = "on-failure";
  static final Set<String> RESTART_POLICIES = Set.of("always", "on-failure", "never");
  static final int MAX_TAGS = 20;
  static final int MAX_PAIRS = 500;
  static final int MAX_OPEN_TRADES = 1000;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_SECRET = 1000;
  static final int MAX_CONFIG_BYTES = 64 * 1024;

  private BotRules() {}
}

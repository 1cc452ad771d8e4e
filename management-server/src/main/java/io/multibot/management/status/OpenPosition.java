package io.multibot.management.status;

/**
 * One open trade of a bot as its latest poll showed it, for the risk guards: its pair and what it
 * is worth now in the bot's stake currency (amount × current rate, or the stake when the bot did
 * not say the rate).
 */
public record OpenPosition(String botId, String stakeCurrency, String pair, double value) {

  /** The pair's base asset ({@code BTC} of {@code BTC/USDT} and of {@code BTC/USDT:USDT}). */
  public String asset() {
    int slash = pair.indexOf('/');
    return slash < 0 ? pair : pair.substring(0, slash);
  }
}

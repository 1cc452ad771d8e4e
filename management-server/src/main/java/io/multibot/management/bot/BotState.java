package io.multibot.management.bot;

/**
 * A bot's state in freqtrade's terms, plus the states only Multibot knows: {@code UNKNOWN} before
 * any report, {@code CRASHED} when supervision gave up.
 */
public enum BotState {
  UNKNOWN,
  STOPPED,
  RUNNING,
  PAUSED,
  CRASHED
}

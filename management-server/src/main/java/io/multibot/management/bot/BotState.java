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
  CRASHED;

  /**
   * The registry's state for a live-status state ({@code running}, {@code paused}, {@code stopped},
   * {@code crashed}; anything else, such as {@code offline}, is {@code UNKNOWN}).
   */
  public static BotState ofStatus(String status) {
    return switch (status == null ? "" : status) {
      case "running" -> RUNNING;
      case "paused" -> PAUSED;
      case "stopped" -> STOPPED;
      case "crashed" -> CRASHED;
      default -> UNKNOWN;
    };
  }
}

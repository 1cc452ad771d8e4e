package io.multibot.common.status;

import java.util.Locale;

/**
 * The one vocabulary for a bot's state, on the status stream, in the registry and in the API:
 * freqtrade's own states ({@code running}, {@code paused}, {@code stopped}) plus the ones only
 * Multibot knows — {@code unknown} before any report (or a state freqtrade names that we do not,
 * such as {@code reload_config}), {@code offline} when polls stopped reaching it, {@code crashed}
 * when its supervisor gave up restarting it. On the wire and in the live status it is written in
 * lower case ({@link #wire()}); the registry stores the constant's name.
 */
public enum BotState {
  UNKNOWN,
  RUNNING,
  PAUSED,
  STOPPED,
  OFFLINE,
  CRASHED;

  /** The lower-case name freqtrade and the live status use. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The state a wire name means; {@link #UNKNOWN} for anything else (including {@code null}). */
  public static BotState ofWire(String name) {
    if (name != null) {
      for (BotState state : values()) {
        if (state.wire().equals(name)) {
          return state;
        }
      }
    }
    return UNKNOWN;
  }

  /** Whether reports still reach the bot and supervision has not given up on it. */
  public boolean isLive() {
    return this != OFFLINE && this != CRASHED;
  }

  /**
   * What the registry keeps as the bot's last known state: {@code offline} says nothing about the
   * bot itself, so it is kept as {@link #UNKNOWN}.
   */
  public BotState lastKnown() {
    return this == OFFLINE ? UNKNOWN : this;
  }
}

package io.multibot.simulator;

import java.util.Locale;

/**
 * freqtrade's bot states (with the newer PAUSED); {@code RELOAD_CONFIG} is passed through at once.
 */
enum BotState {
  RUNNING,
  STOPPED,
  PAUSED,
  RELOAD_CONFIG;

  String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}

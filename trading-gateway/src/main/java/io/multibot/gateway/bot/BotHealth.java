package io.multibot.gateway.bot;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * {@code /health}: when the bot's main loop last ran (the liveness signal: stale while the API
 * still answers means a hung loop) and when the bot started; null when not known.
 */
public record BotHealth(Instant lastProcess, Instant botStart) {

  static BotHealth from(JsonObject json) {
    return new BotHealth(seconds(json, "last_process_ts"), seconds(json, "bot_start_ts"));
  }

  private static Instant seconds(JsonObject json, String key) {
    return json.get(key) instanceof JsonNumber number
        ? Instant.ofEpochSecond(number.longValue())
        : null;
  }
}

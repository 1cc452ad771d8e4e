package io.multibot.common.command;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an operator can ask of a bot. {@link #idempotent()} says whether running a command twice has
 * the effect of running it once; a redelivered non-idempotent command checks the bot first.
 */
public enum CommandType {
  START(true),
  STOP(true),
  RESTART(true),
  PAUSE(true),
  RELOAD_CONFIG(true),
  FORCEENTER(false),
  /** Not idempotent: a partial exit ({@code amount}) sent twice exits twice. */
  FORCEEXIT(false),
  /** The kill switch for one bot: no new entries, optionally exit every position, then stop. */
  EMERGENCY_STOP(true),
  /**
   * Puts pairs on the bot's blacklist (no new entries in them; open trades stay). Idempotent: a
   * pair already there stays there, so a redelivery only confirms.
   */
  BLACKLIST_ADD(true),
  /** Takes pairs off the bot's blacklist. Idempotent: a pair already off stays off. */
  BLACKLIST_REMOVE(true);

  private final boolean idempotent;

  CommandType(boolean idempotent) {
    this.idempotent = idempotent;
  }

  public boolean idempotent() {
    return idempotent;
  }

  /** The name on the wire and in the API: {@code start}, {@code reload_config}, ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CommandType> fromWire(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }
}

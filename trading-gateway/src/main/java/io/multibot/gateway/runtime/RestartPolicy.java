package io.multibot.gateway.runtime;

import java.util.Locale;
import java.util.Optional;

/** When a managed bot that exited on its own is started again. */
public enum RestartPolicy {
  /** After any exit the gateway did not ask for. */
  ALWAYS,
  /** After an exit with a non-zero code (a crash, a kill). */
  ON_FAILURE,
  /** Never: the bot stays stopped and its state says why. */
  NEVER;

  /** Whether a bot that exited with this code is started again. */
  boolean restartsAfter(int exitCode) {
    return switch (this) {
      case ALWAYS -> true;
      case ON_FAILURE -> exitCode != 0;
      case NEVER -> false;
    };
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code always}, {@code on-failure} or {@code never}. */
  public static Optional<RestartPolicy> fromWire(String name) {
    for (RestartPolicy policy : values()) {
      if (policy.wireName().equals(name)) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }
}

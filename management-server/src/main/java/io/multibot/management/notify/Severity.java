package io.multibot.management.notify;

import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is; a rule sends those at or above its minimum. */
public enum Severity {
  INFO,
  WARNING,
  CRITICAL;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Severity> parse(String wire) {
    for (Severity severity : values()) {
      if (severity.wire().equals(wire)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}

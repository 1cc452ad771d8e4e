package io.multibot.management.notify;

import io.multibot.management.platform.api.WireNames;
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
    return WireNames.find(values(), Severity::wire, wire);
  }
}

package io.multibot.management.notify;

import io.multibot.management.platform.api.WireNames;
import java.util.Locale;

/**
 * Where a message stands: {@code pending} (queued, not tried yet, or held for quiet hours or the
 * channel's rate), {@code retrying} (tried, failed, tried again after a doubling wait), {@code
 * sent} (the channel accepted it) or {@code failed} (the channel refused it for good, or it kept
 * failing for the whole give-up period).
 */
public enum DeliveryStatus {
  PENDING,
  RETRYING,
  SENT,
  FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean open() {
    return this == PENDING || this == RETRYING;
  }

  static java.util.Optional<DeliveryStatus> parse(String wire) {
    return WireNames.find(values(), DeliveryStatus::wire, wire);
  }
}

package io.multibot.management.notify;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A daily period in a time zone when a rule's messages below critical wait: they are held, not
 * dropped, and go out when the period ends. A period may cross midnight ({@code 22:00}–{@code
 * 07:00}); {@code from} equal to {@code to} is refused by validation.
 */
record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {

  /** When the quiet period that holds {@code at} ends, or empty if {@code at} is not in one. */
  Optional<Instant> endIfQuiet(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    LocalTime time = local.toLocalTime();
    boolean crossesMidnight = from.isAfter(to);
    boolean quiet =
        crossesMidnight
            ? !time.isBefore(from) || time.isBefore(to)
            : !time.isBefore(from) && time.isBefore(to);
    if (!quiet) {
      return Optional.empty();
    }
    ZonedDateTime end = local.with(to);
    if (!end.isAfter(local)) {
      end = local.plusDays(1).with(to);
    }
    return Optional.of(end.toInstant());
  }
}

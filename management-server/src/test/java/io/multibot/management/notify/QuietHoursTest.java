package io.multibot.management.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void aPeriodAcrossMidnightHoldsUntilItsEndInItsZone() {
    QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), BERLIN);

    // 23:30 in Berlin (winter, UTC+1): held until 07:00 Berlin the next day
    assertThat(night.endIfQuiet(Instant.parse("2026-12-04T22:30:00Z")))
        .contains(Instant.parse("2026-12-05T06:00:00Z"));
    // 03:00 in Berlin: held until 07:00 the same day
    assertThat(night.endIfQuiet(Instant.parse("2026-12-05T02:00:00Z")))
        .contains(Instant.parse("2026-12-05T06:00:00Z"));
    // 07:00 and 12:00 in Berlin: not quiet
    assertThat(night.endIfQuiet(Instant.parse("2026-12-05T06:00:00Z"))).isEmpty();
    assertThat(night.endIfQuiet(Instant.parse("2026-12-05T11:00:00Z"))).isEmpty();
  }

  @Test
  void aPeriodWithinOneDay() {
    QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0), ZoneId.of("UTC"));

    assertThat(lunch.endIfQuiet(Instant.parse("2026-12-04T12:59:59Z")))
        .contains(Instant.parse("2026-12-04T13:00:00Z"));
    assertThat(lunch.endIfQuiet(Instant.parse("2026-12-04T11:59:59Z"))).isEmpty();
    assertThat(lunch.endIfQuiet(Instant.parse("2026-12-04T13:00:00Z"))).isEmpty();
  }
}

package io.multibot.management.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.problem.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portfolio's history: sums per currency at each step, carried forward, never mixed. */
class EquityHistoryTest {

  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
  private static final Duration STEP = Duration.ofMinutes(10);

  private static EquityHistory.Sample sample(
      String bot, int minute, Double closed, Double balance) {
    return new EquityHistory.Sample(bot, T0.plusSeconds(minute * 60L), closed, closed, balance);
  }

  @Test
  void sumsEachBotsLatestFiguresPerCurrencyAtEveryStep() {
    List<EquityHistory.Sample> samples =
        List.of(
            sample("u2", 25, 4.0, 1004.0),
            sample("u1", -30, 1.0, 1001.0), // before the range: seeds the start
            sample("u1", 15, 2.0, 1002.0),
            sample("b1", 5, 0.01, 1.01),
            sample("u1", 28, null, 1003.0)); // profit not read in that poll
    Map<String, String> currencies = Map.of("u1", "USDT", "u2", "USDT", "b1", "BTC");

    List<EquityHistory.Series> series =
        EquityHistory.of(samples, currencies, T0, T0.plus(Duration.ofMinutes(30)), STEP);

    assertThat(series).extracting(EquityHistory.Series::currency).containsExactly("BTC", "USDT");
    List<EquityHistory.Point> usdt = series.get(1).points();
    assertThat(usdt)
        .extracting(EquityHistory.Point::at)
        .containsExactly(
            "2026-12-04T10:00:00Z",
            "2026-12-04T10:10:00Z",
            "2026-12-04T10:20:00Z",
            "2026-12-04T10:30:00Z");
    assertThat(usdt)
        .extracting(EquityHistory.Point::profitClosed)
        .as("u1 carried forward, u2 from its first point, a missing figure left out")
        .containsExactly(1.0, 1.0, 2.0, 4.0);
    assertThat(usdt)
        .extracting(EquityHistory.Point::balance)
        .containsExactly(1001.0, 1001.0, 1002.0, 2007.0);
    assertThat(usdt).extracting(EquityHistory.Point::bots).containsExactly(1, 1, 1, 2);
    assertThat(series.get(0).points())
        .as("BTC starts when its bot first reported and is never added to USDT")
        .extracting(EquityHistory.Point::balance)
        .containsExactly(1.01, 1.01, 1.01);
  }

  @Test
  void botsWithoutACurrencyOrPointsAreLeftOut() {
    assertThat(
            EquityHistory.of(
                List.of(sample("gone", 1, 5.0, 5.0)),
                Map.of("other", "USDT"),
                T0,
                T0.plus(STEP),
                STEP))
        .isEmpty();
  }

  @Test
  void theRangeAndStepAreCheckedAndDefaulted() {
    Instant now = T0;
    HistoryRange day = HistoryRange.parse(null, null, null, now);
    assertThat(day.since()).isEqualTo(now.minus(Duration.ofDays(1)));
    assertThat(day.step()).isEqualTo(Duration.ofMinutes(8));
    assertThat(HistoryRange.parse("2026-12-04T09:00:00Z", null, "PT15M", now).step())
        .isEqualTo(Duration.ofMinutes(15));

    assertInvalid(() -> HistoryRange.parse("2026-12-04T11:00:00Z", null, null, now), "since");
    assertInvalid(() -> HistoryRange.parse("2026-10-01T00:00:00Z", null, null, now), "since");
    assertInvalid(() -> HistoryRange.parse(null, null, "PT1S", now), "step");
    assertInvalid(() -> HistoryRange.parse(null, null, "PT1M", now), "step");
    assertInvalid(() -> HistoryRange.parse(null, null, "-PT5M", now), "step");
    assertInvalid(() -> HistoryRange.parse(null, null, "5 minutes", now), "step");
    assertInvalid(() -> HistoryRange.parse(null, "tomorrow", null, now), "until");
  }

  private static void assertInvalid(Runnable parse, String field) {
    assertThatThrownBy(parse::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly(field));
  }
}

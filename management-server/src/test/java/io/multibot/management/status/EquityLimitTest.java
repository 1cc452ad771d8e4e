package io.multibot.management.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A portfolio history that would load too many points is refused before anything is loaded; a
 * smaller one reads its points from an hour before the range (the seed).
 */
class EquityLimitTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private long points;
  private final List<String> reads = new ArrayList<>();

  private final StatusStore store =
      new StatusStore() {
        @Override
        long countSamples(String tag, Instant from, Instant to) {
          reads.add("count " + tag + " " + from + " " + to);
          return points;
        }

        @Override
        List<EquityHistory.Sample> samples(String tag, Instant from, Instant to) {
          reads.add("samples " + tag + " " + from);
          return List.of(new EquityHistory.Sample("b-1", from, 1.0, 2.0, 100.0));
        }
      };

  private final BotService bots =
      new BotService() {
        @Override
        public List<BotSummary> summaries() {
          return List.of(
              new BotSummary("b-1", "one", List.of("t"), "USDT", "binance", "S", "external"));
        }
      };

  private final StatusQueries queries = new StatusQueries(store, bots);
  private final HistoryRange range = HistoryRange.parse(null, null, "PT1H", NOW);

  @Test
  void tooManyPointsAreA422NamingTheRangeAndNothingIsLoaded() {
    points = StatusQueries.MAX_HISTORY_POINTS + 1;

    assertThatThrownBy(() -> queries.equity("t", range))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("since"));
    assertThat(reads).hasSize(1).allMatch(read -> read.startsWith("count"));
  }

  @Test
  void aRangeWithinTheLimitIsSeededFromAnHourBefore() {
    points = 1;

    PortfolioHistoryView history = queries.equity("t", range);

    assertThat(reads).contains("samples t 2026-12-03T11:00:00Z");
    assertThat(history.currencies())
        .singleElement()
        .satisfies(
            series -> {
              assertThat(series.currency()).isEqualTo("USDT");
              assertThat(series.points())
                  .first()
                  .extracting(EquityHistory.Point::profitAll)
                  .isEqualTo(2.0);
            });
  }
}

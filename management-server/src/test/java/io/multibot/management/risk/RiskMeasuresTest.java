package io.multibot.management.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.status.BotState;
import io.multibot.management.status.BotFigures;
import io.multibot.management.status.OpenPosition;
import java.time.Instant;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class RiskMeasuresTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static BotFigures bot(String id, String currency, double profitAll, double balance) {
    return new BotFigures(id, currency, BotState.RUNNING, 0, 1, 0.0, profitAll, balance, NOW);
  }

  private static List<Measure> measure(
      RiskKind kind, double threshold, List<BotFigures> bots, List<OpenPosition> positions) {
    return RiskMeasures.measure(kind, threshold, bots, b -> b.profitClosed(), positions, NOW);
  }

  @Test
  void exposureIsSummedPerAssetAndStakeCurrencyOverTheScopedBotsOnly() {
    List<BotFigures> scoped = List.of(bot("a", "USDT", 0, 1000), bot("b", "USDT", 0, 1000));
    List<OpenPosition> positions =
        List.of(
            new OpenPosition("a", "USDT", "BTC/USDT", 600),
            new OpenPosition("b", "USDT", "BTC/USDT:USDT", 500),
            new OpenPosition("b", "USDT", "ETH/USDT", 300),
            new OpenPosition("outside", "USDT", "BTC/USDT", 5_000),
            new OpenPosition("a", "EUR", "BTC/EUR", 900));

    List<Measure> measures = measure(RiskKind.MAX_ASSET_EXPOSURE, 1_000, scoped, positions);

    assertThat(measures)
        .extracting(Measure::group)
        .containsExactly("BTC/EUR", "BTC/USDT", "ETH/USDT");
    Measure btc = measures.get(1);
    assertThat(btc.value()).isCloseTo(1_100, Offset.offset(1e-9));
    assertThat(btc.breached()).isTrue();
    assertThat(btc.bots()).containsExactly("a", "b");
    assertThat(measures.get(0).breached()).as("900 EUR, never added to USDT").isFalse();
    assertThat(measures.get(2).bots()).as("only the bot holding ETH").containsExactly("b");
  }

  @Test
  void drawdownPercentIsTakenFromTheStartingBalancePerCurrency() {
    List<Measure> measures =
        measure(
            RiskKind.MAX_DRAWDOWN_PERCENT,
            10,
            List.of(bot("a", "USDT", -150, 850), bot("b", "USDT", 50, 1050)),
            List.of());

    assertThat(measures).hasSize(1);
    assertThat(measures.get(0).value()).as("100 lost of 2000").isCloseTo(5, Offset.offset(1e-9));
    assertThat(measures.get(0).breached()).isFalse();
  }
}

package io.multibot.management.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.management.notify.Alert;
import io.multibot.management.notify.AlertType;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradeLossesTest {

  private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

  private static JsonArray trades(double... idAndRatio) {
    JsonArrayBuilder trades = Json.createArrayBuilder();
    for (int i = 0; i < idAndRatio.length; i += 2) {
      trades.add(
          Json.createObjectBuilder()
              .add("trade_id", (int) idAndRatio[i])
              .add("pair", "BTC/USDT")
              .add("profit_ratio", idAndRatio[i + 1])
              .add("profit_abs", idAndRatio[i + 1] * 200)
              .add("exit_reason", "stop_loss"));
    }
    return trades.build();
  }

  private static List<Alert> losses(JsonArray before, JsonArray now) {
    return TradeLosses.newLosses(before, now, "bot-1", "USDT", AT);
  }

  @Test
  void newLosingTradesAreToldWithTheirLossInPercent() {
    List<Alert> alerts = losses(trades(3, 0.01, 4, -0.02), trades(6, 0.03, 5, -0.042, 4, -0.02));

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.type()).isEqualTo(AlertType.TRADE_CLOSED_WITH_LOSS);
    assertThat(alert.subject()).isEqualTo("trade 5 BTC/USDT");
    assertThat(alert.value()).isCloseTo(4.2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(alert.text()).isEqualTo("closed at -4.20 % (-8.40 USDT), exit reason stop_loss");
    assertThat(alert.botId()).isEqualTo("bot-1");
  }

  @Test
  void nothingIsNewWithoutAPreviousReportOrInTheSameReportAgain() {
    JsonArray report = trades(7, -0.5, 8, -0.1);

    assertThat(losses(null, report)).as("first report: history, not news").isEmpty();
    assertThat(losses(report, report)).as("redelivered").isEmpty();
    assertThat(losses(report, null)).as("not a full poll").isEmpty();
  }

  @Test
  void aBotWithoutClosedTradesBeforeHasEveryLossNew() {
    assertThat(losses(trades(), trades(1, -0.01, 2, -0.03))).hasSize(2);
  }

  @Test
  void idsBelowTheKnownOnesAreNotNewEvenIfUnseen() {
    assertThat(losses(trades(10, 0.01), trades(9, -0.2, 10, 0.01))).isEmpty();
  }
}

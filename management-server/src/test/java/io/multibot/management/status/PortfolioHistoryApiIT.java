package io.multibot.management.status;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import io.multibot.management.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * {@code GET /portfolio/history} on a real database: the bots' recorded figures summed per stake
 * currency (never mixed), only the tag's bots, and a bad range refused with a problem naming it.
 */
@MicroShedTest
class PortfolioHistoryApiIT {

  private final Api admin = Api.asAdmin();
  private final String tag = "ph" + UUID.randomUUID().toString().substring(0, 8);

  private String register(String name, String strategy, String currency) {
    return register(name, strategy, currency, tag);
  }

  private String register(String name, String strategy, String currency, String botTag) {
    return Fixtures.register(
        admin,
        Fixtures.bot(name, strategy)
            .add("stakeCurrency", currency)
            .add("pairWhitelist", Json.createArrayBuilder().add("XRP/" + currency))
            .add("tags", Json.createArrayBuilder().add(botTag)));
  }

  @Test
  void sumsTheTagsBotsPerStakeCurrency() throws Exception {
    String strategy = Fixtures.strategy(admin, "History");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String one = register("ph-one-" + suffix, strategy, "USDT");
    String two = register("ph-two-" + suffix, strategy, "USDT");
    String btc = register("ph-btc-" + suffix, strategy, "BTC");
    String other = register("ph-other-" + suffix, strategy, "USDT", tag + "x");
    try (StatusReports reports = new StatusReports()) {
      reports.profit(one, 5);
      reports.profit(two, -2);
      reports.profit(btc, 0.25);
      reports.profit(other, 1000);
    }

    Instant since = Instant.now().minus(1, ChronoUnit.HOURS);
    JsonArray currencies = awaitBothCurrencies(since);
    assertThat(currencies.getJsonObject(0).getString("currency")).isEqualTo("BTC");
    assertThat(last(currencies.getJsonObject(0)).getJsonNumber("profitAll").doubleValue())
        .isEqualTo(0.25);
    JsonObject usdt = last(currencies.getJsonObject(1));
    assertThat(usdt.getInt("bots")).as(currencies.toString()).isEqualTo(2);
    assertThat(usdt.getJsonNumber("profitAll").doubleValue())
        .as("only the tag's USDT bots")
        .isEqualTo(3.0);
    assertThat(usdt.getJsonNumber("balance").doubleValue()).isEqualTo(2003.0);
    assertThat(
            Instant.parse(
                currencies
                    .getJsonObject(1)
                    .getJsonArray("points")
                    .getJsonObject(0)
                    .getString("at")))
        .as("the series starts when its first bot reported, not at since")
        .isAfter(since.plus(50, ChronoUnit.MINUTES));
  }

  @Test
  void aBadRangeIsAProblemNamingItsParameter() {
    assertProblem(admin.get("/portfolio/history?step=PT1S"), 422, "validation-failed");
    assertProblem(admin.get("/portfolio/history?since=yesterday"), 422, "validation-failed");
    assertProblem(
        admin.get("/portfolio/history?since=2020-01-01T00:00:00Z&until=2020-06-01T00:00:00Z"),
        422,
        "validation-failed");
  }

  /** The history once the two USDT bots and the BTC one have their points. */
  private JsonArray awaitBothCurrencies(Instant since) throws InterruptedException {
    JsonArray currencies = null;
    for (int i = 0; i < 200; i++) {
      Answer answer =
          admin.get(
              "/portfolio/history?tag="
                  + tag
                  + "&since="
                  + since
                  + "&until="
                  + Instant.now().plusSeconds(60)
                  + "&step=PT5M");
      assertThat(answer.status()).as(answer.text()).isEqualTo(200);
      currencies = answer.json().getJsonArray("currencies");
      assertThat(currencies).as(answer.text()).isNotNull();
      if (currencies.size() == 2 && last(currencies.getJsonObject(1)).getInt("bots") == 2) {
        return currencies;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the history never showed both currencies: " + currencies);
  }

  private static JsonObject last(JsonObject series) {
    JsonArray points = series.getJsonArray("points");
    return points.getJsonObject(points.size() - 1);
  }
}

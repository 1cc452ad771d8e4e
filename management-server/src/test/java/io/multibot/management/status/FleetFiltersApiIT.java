package io.multibot.management.status;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import io.multibot.management.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * {@code GET /status} filtered by exchange, strategy and part of the name, paged (in the database)
 * and unpaged (in memory) alike, and a search that could smuggle a wildcard refused.
 */
@MicroShedTest
class FleetFiltersApiIT {

  private final Api admin = Api.asAdmin();
  private final String tag = "ff" + UUID.randomUUID().toString().substring(0, 8);

  private String register(String name, String strategy, String exchange) {
    Answer created =
        admin.post(
            "/bots",
            Fixtures.bot(name, strategy)
                .add("exchange", exchange)
                .add("tags", Json.createArrayBuilder().add(tag))
                .build()
                .toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return name;
  }

  private static List<String> names(JsonObject fleet) {
    return fleet.getJsonObject("states").values().stream()
        .flatMap(list -> list.asJsonArray().stream())
        .map(JsonValue::asJsonObject)
        .map(bot -> bot.getString("botName"))
        .sorted()
        .toList();
  }

  @Test
  void filtersByExchangeStrategyAndNameInPagesAndWithout() {
    String alpha = Fixtures.strategy(admin, "Alpha");
    String beta = Fixtures.strategy(admin, "Beta");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String one = register("ff-moon-" + suffix, alpha, "kraken");
    String two = register("ff-sun-" + suffix, alpha, "binance");
    String three = register("ff-moonshot-" + suffix, beta, "binance");

    for (String paging : List.of("&size=50", "")) {
      JsonObject byExchange = admin.get("/status?tag=" + tag + "&exchange=binance" + paging).json();
      JsonObject byStrategy =
          admin.get("/status?tag=" + tag + "&strategy=" + alpha + paging).json();
      JsonObject byName = admin.get("/status?tag=" + tag + "&q=MOON" + paging).json();
      JsonObject all = admin.get("/status?tag=" + tag + "&exchange=binance&q=moon" + paging).json();

      assertThat(names(byExchange)).as(paging).containsExactly(three, two);
      assertThat(byExchange.getInt("total")).isEqualTo(2);
      assertThat(byExchange.getJsonObject("counts").getInt("unknown"))
          .as("counts by tag only")
          .isEqualTo(3);
      assertThat(names(byStrategy)).as(paging).containsExactly(one, two);
      assertThat(names(byName)).as(paging).containsExactly(one, three);
      assertThat(names(all)).as(paging).containsExactly(three);
      assertThat(all.getInt("total")).isEqualTo(1);
    }
    JsonObject bot = admin.get("/status?tag=" + tag + "&q=" + suffix + "&size=1&page=0").json();
    assertThat(
            bot.getJsonObject("states")
                .getJsonArray("unknown")
                .getJsonObject(0)
                .getString("exchange"))
        .isEqualTo("kraken");
  }

  @Test
  void aSearchWithWildcardsIsRefused() {
    assertProblem(admin.get("/status?q=%25&size=10"), 422, "validation-failed");
    assertProblem(admin.get("/status?q=a_b"), 422, "validation-failed");
  }
}

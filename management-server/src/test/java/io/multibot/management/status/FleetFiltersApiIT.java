package io.multibot.management.status;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

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
    Fixtures.register(
        admin,
        Fixtures.bot(name, strategy)
            .add("exchange", exchange)
            .add("tags", Json.createArrayBuilder().add(tag)));
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

  /**
   * Sorting by a figure: in the database (paged) and in memory (unpaged) the same order, larger
   * first when descending, a bot without the figure last either way, ties by name, and pages that
   * neither repeat nor skip a bot.
   */
  @Test
  void sortsByAFigureTheSameWayInPagesAndWithoutWithUnknownBotsLast() throws Exception {
    String strategy = Fixtures.strategy(admin, "Sorted");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    String low = register("fs-a-low-" + suffix, strategy, "binance");
    String high = register("fs-b-high-" + suffix, strategy, "binance");
    String tieOne = register("fs-c-tie-" + suffix, strategy, "binance");
    String tieTwo = register("fs-d-tie-" + suffix, strategy, "binance");
    String never = register("fs-e-never-" + suffix, strategy, "binance");
    try (StatusReports reports = new StatusReports()) {
      reports.profit(id(low), -3.5);
      reports.profit(id(high), 12.25);
      reports.profit(id(tieOne), 1);
      reports.profit(id(tieTwo), 1);
    }
    awaitPolled(4);

    List<String> descending = List.of(high, tieOne, tieTwo, low, never);
    List<String> ascending = List.of(low, tieOne, tieTwo, high, never);
    assertThat(ordered(admin.get("/status?tag=" + tag + "&sort=-profitAll&size=50").json()))
        .isEqualTo(descending);
    assertThat(ordered(admin.get("/status?tag=" + tag + "&sort=-profitAll").json()))
        .isEqualTo(descending);
    assertThat(ordered(admin.get("/status?tag=" + tag + "&sort=profitAll").json()))
        .isEqualTo(ascending);
    assertThat(ordered(admin.get("/status?tag=" + tag + "&sort=-name&size=50").json()))
        .isEqualTo(List.of(never, tieTwo, tieOne, high, low));
    List<String> paged = new java.util.ArrayList<>();
    for (int page = 0; page < 3; page++) {
      paged.addAll(
          ordered(admin.get("/status?tag=" + tag + "&sort=profitAll&size=2&page=" + page).json()));
    }
    assertThat(paged).as("pages of 2").isEqualTo(ascending);
    assertProblem(admin.get("/status?sort=profit;drop"), 422, "validation-failed");
    assertProblem(admin.get("/status?sort=--name&size=5"), 422, "validation-failed");
  }

  private String id(String name) {
    return admin.get("/bots/" + name).json().getString("id");
  }

  private void awaitPolled(int count) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      JsonObject fleet = admin.get("/status?tag=" + tag).json();
      if (fleet.getJsonObject("counts").getInt("running", 0) == count) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the status reports were not applied");
  }

  /** The bots' names in the answer's order. */
  private static List<String> ordered(JsonObject fleet) {
    java.util.Map<String, String> names = new java.util.HashMap<>();
    fleet.getJsonObject("states").values().stream()
        .flatMap(list -> list.asJsonArray().stream())
        .map(JsonValue::asJsonObject)
        .forEach(bot -> names.put(bot.getString("botId"), bot.getString("botName")));
    return fleet.getJsonArray("order").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(id -> names.get(id.getString()))
        .toList();
  }
}

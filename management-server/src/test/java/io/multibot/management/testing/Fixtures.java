package io.multibot.management.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;

/** Registry objects the black-box tests need: a stored strategy, and bots that use it. */
public final class Fixtures {

  private Fixtures() {}

  /** Stores a new strategy with a unique class name starting with the prefix; returns its name. */
  public static String strategy(Api admin, String prefix) {
    String name = prefix + UUID.randomUUID().toString().replace("-", "");
    Answer stored =
        admin.post(
            "/strategies",
            Json.createObjectBuilder()
                .add("name", name)
                .add("source", "class " + name + "(IStrategy):\n    timeframe = '5m'\n")
                .build()
                .toString());
    assertThat(stored.status()).as(stored.text()).isEqualTo(201);
    return name;
  }

  /** A valid bot registration with the required fields only. */
  public static JsonObjectBuilder bot(String name, String strategy) {
    return Json.createObjectBuilder()
        .add("name", name)
        .add("strategy", Json.createObjectBuilder().add("name", strategy))
        .add("exchange", "kraken")
        .add("stakeCurrency", "EUR")
        .add("stakeAmount", 50)
        .add("maxOpenTrades", 2)
        .add("timeframe", "15m")
        .add("pairWhitelist", Json.createArrayBuilder().add("BTC/EUR").add("ETH/EUR"));
  }

  /** Registers a bot named with the prefix and a random suffix; returns its id. */
  public static String registeredBot(Api admin, String prefix, String strategy) {
    return register(
        admin, bot(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), strategy));
  }

  /** Registers this bot (201 or the test fails); returns its id. */
  public static String register(Api admin, JsonObjectBuilder bot) {
    Answer created = admin.post("/bots", bot.build().toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().getString("id");
  }
}

package io.multibot.management.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.UUID;

/** What the command API tests share: an external bot to command, and a POST with a key. */
public final class CommandFixtures {

  private CommandFixtures() {}

  /** Registers an external bot (with its own strategy) carrying {@code tag}; returns its name. */
  public static String registerExternalBot(Api admin, String tag, String password) {
    String strategy = "CmdIt" + UUID.randomUUID().toString().replace("-", "");
    assertThat(
            admin
                .post(
                    "/strategies",
                    Json.createObjectBuilder()
                        .add("name", strategy)
                        .add("source", "class " + strategy + "(IStrategy):\n    pass\n")
                        .build()
                        .toString())
                .status())
        .isEqualTo(201);
    String name = "cmd-it-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject request =
        Json.createObjectBuilder()
            .add("name", name)
            .add("tags", Json.createArrayBuilder().add(tag))
            .add("strategy", Json.createObjectBuilder().add("name", strategy))
            .add("exchange", "binance")
            .add("stakeCurrency", "USDT")
            .add("stakeAmount", 10)
            .add("maxOpenTrades", 1)
            .add("timeframe", "5m")
            .add("pairWhitelist", Json.createArrayBuilder().add("BTC/USDT"))
            .add("runMode", "external")
            .add("apiUrl", "http://127.0.0.1:18999")
            .add("apiUsername", "freqtrader")
            .add("secrets", Json.createObjectBuilder().add("apiPassword", password))
            .build();
    Answer created = admin.post("/bots", request.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return name;
  }

  /** POSTs {@code body} (none when null) with an Idempotency-Key. */
  static Answer send(Api admin, String path, String body, String key) {
    HttpRequest.Builder request =
        admin
            .request(path)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HttpJson.send(request);
  }
}

package io.multibot.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** freqtrade's blacklist routes: add with POST, remove with DELETE, both answering the list. */
class BlacklistIT {

  @TempDir private Path dir;

  @Test
  void pairsGoOnAndOffTheBlacklistAndLeaveTheWhitelist() throws Exception {
    try (SimulatorProcess bot =
        SimulatorProcess.start(dir, TradingRoutesIT.FROZEN_MARKET, Map.of())) {
      BotHttp http = new BotHttp(bot, Duration.ofSeconds(5));

      JsonObject added =
          http.post("blacklist", "{\"blacklist\": [\"XRP/USDT\", \"ADA/USDT\"]}").json();
      assertThat(added.getJsonArray("blacklist").getValuesAs(JsonString::getString))
          .containsExactly("XRP/USDT", "ADA/USDT");
      assertThat(added.getJsonObject("errors")).isEmpty();
      assertThat(
              http.get("whitelist")
                  .json()
                  .getJsonArray("whitelist")
                  .getValuesAs(JsonString::getString))
          .containsExactly("BTC/USDT", "ETH/USDT");

      JsonObject again = http.post("blacklist", "{\"blacklist\": [\"XRP/USDT\"]}").json();
      assertThat(again.getInt("length")).as("nothing added twice").isEqualTo(2);
      assertThat(again.getJsonObject("errors").getJsonObject("XRP/USDT").getString("error_msg"))
          .isEqualTo("Pair XRP/USDT already in pairlist.");

      JsonObject removed =
          http.call(
                  "DELETE",
                  "blacklist?pairs_to_delete=XRP%2FUSDT&pairs_to_delete=DOGE%2FUSDT",
                  BotHttp.BASIC,
                  null)
              .json();
      assertThat(removed.getJsonArray("blacklist").getValuesAs(JsonString::getString))
          .containsExactly("ADA/USDT");
      assertThat(removed.getJsonObject("errors").getJsonObject("DOGE/USDT").getString("error_msg"))
          .isEqualTo("Pair DOGE/USDT is not in the current blacklist.");
      assertThat(http.post("blacklist", "{\"blacklist\": \"XRP/USDT\"}").status()).isEqualTo(422);
      assertThat(http.call("POST", "blacklist", null, "{\"blacklist\": []}").status())
          .isEqualTo(401);
    }
  }
}

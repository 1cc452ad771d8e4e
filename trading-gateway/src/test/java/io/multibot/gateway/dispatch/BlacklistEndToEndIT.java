package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Blacklist DOGE/USDT on every bot tagged alts" as one bulk call, through the whole command cycle
 * to simulated bots, and off again; a bot outside the tag is left alone.
 */
class BlacklistEndToEndIT {

  @TempDir private Path dir;

  @Test
  void oneBulkCallBlacklistsAPairOnEveryBotOfATagAndAnotherTakesItOff() throws Exception {
    String token = ManagementApi.token();
    String tag = "alts-" + UUID.randomUUID().toString().substring(0, 8);
    try (SimulatorProcess first = SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of());
        SimulatorProcess second = SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of());
        SimulatorProcess outside =
            SimulatorProcess.start(dir, CommandCycleIT.BOT_CONFIG, Map.of())) {
      ManagementApi.register(token, first, tag);
      ManagementApi.register(token, second, tag);
      ManagementApi.register(token, outside, "other-" + tag);

      JsonObject added = bulk(token, "blacklist_add", tag);
      assertThat(added.getInt("total")).isEqualTo(2);
      for (JsonObject command : added.getJsonArray("commands").getValuesAs(JsonObject.class)) {
        JsonObject finished =
            ManagementApi.get(token, "/commands/" + command.getString("commandId")).json();
        assertThat(finished.getJsonObject("result").getJsonArray("blacklist").toString())
            .contains("DOGE/USDT");
      }
      assertThat(blacklist(first)).contains("DOGE/USDT");
      assertThat(blacklist(second)).contains("DOGE/USDT");
      assertThat(blacklist(outside)).doesNotContain("DOGE/USDT");

      JsonObject again = bulk(token, "blacklist_add", tag);
      assertThat(again.getJsonObject("byStatus").getInt("SUCCEEDED"))
          .as("already there: idempotent, still succeeded")
          .isEqualTo(2);

      bulk(token, "blacklist_remove", tag);
      assertThat(blacklist(first)).doesNotContain("DOGE/USDT");
      assertThat(blacklist(second)).doesNotContain("DOGE/USDT");
    }
  }

  /** A bulk blacklist command for DOGE/USDT on the tag's bots, once every command has finished. */
  private static JsonObject bulk(String token, String type, String tag) throws Exception {
    HttpJson.Answer accepted =
        ManagementApi.post(
            token,
            "/commands/bulk",
            Json.createObjectBuilder()
                .add("type", type)
                .add("pairs", Json.createArrayBuilder().add("DOGE/USDT"))
                .add(
                    "selector",
                    Json.createObjectBuilder().add("tags", Json.createArrayBuilder().add(tag)))
                .build()
                .toString());
    assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
    JsonObject batch =
        ManagementApi.await(
            token,
            "/commands/batches/" + accepted.json().getString("id"),
            b -> b.getBoolean("finished"));
    assertThat(batch.getJsonObject("byStatus").getInt("SUCCEEDED", 0))
        .as(batch.toString())
        .isEqualTo(batch.getInt("total"));
    return batch;
  }

  private static List<String> blacklist(SimulatorProcess bot) {
    HttpJson.Answer answer = HttpJson.send(bot.request("blacklist").GET());
    return Json.createReader(new StringReader(answer.text()))
        .readObject()
        .getJsonArray("blacklist")
        .getValuesAs(JsonString::getString);
  }
}

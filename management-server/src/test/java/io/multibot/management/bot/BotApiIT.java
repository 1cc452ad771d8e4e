package io.multibot.management.bot;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import io.multibot.management.testing.Fixtures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/** {@code /api/v1/bots} over real HTTP against a running management-server. */
@MicroShedTest
class BotApiIT {

  private final List<Answer> answers = new ArrayList<>();
  private String strategy;
  private String secret;

  private final Api admin = Api.asAdmin();

  private Answer record(Answer answer) {
    answers.add(answer);
    return answer;
  }

  @BeforeEach
  void storeAStrategy() {
    strategy = "BotIt" + UUID.randomUUID().toString().replace("-", "");
    secret = "s3cr3t-" + UUID.randomUUID();
    String source = "class " + strategy + "(IStrategy):\n    timeframe = '5m'\n";
    Answer created =
        admin.post(
            "/strategies",
            Json.createObjectBuilder()
                .add("name", strategy)
                .add("source", source)
                .build()
                .toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
  }

  private JsonObjectBuilder bot(String name) {
    return Fixtures.bot(name, strategy)
        .add("description", "integration test bot")
        .add("tags", Json.createArrayBuilder().add("it").add(name))
        .add("config", Json.createObjectBuilder().add("dry_run_wallet", 500))
        .add(
            "secrets",
            Json.createObjectBuilder()
                .add("exchangeKey", secret + "-key")
                .add("exchangeSecret", secret));
  }

  private static String name() {
    return "it-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void registersABotAndNeverReturnsItsSecrets() throws IOException {
    String name = name();

    Answer created = record(admin.post("/bots", bot(name).build().toString()));

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonObject view = created.json();
    assertThat(created.header("Location")).endsWith("/api/v1/bots/" + view.getString("id"));
    assertThat(view.getBoolean("dryRun")).isTrue();
    assertThat(view.getString("runMode")).isEqualTo("managed");
    assertThat(view.getString("restartPolicy")).isEqualTo("on-failure");
    assertThat(view.getString("desiredState")).isEqualTo("stopped");
    assertThat(view.getJsonObject("secrets").getBoolean("exchangeKey")).isTrue();
    assertThat(view.getJsonObject("secrets").getBoolean("apiPassword")).isFalse();
    assertThat(view.getJsonNumber("stakeAmount").intValue()).isEqualTo(50);

    Answer byName = record(admin.get("/bots/" + name));
    Answer byId = record(admin.get("/bots/" + view.getString("id")));
    assertThat(byName.json()).isEqualTo(byId.json());
    assertThat(byName.header("ETag")).isEqualTo(created.header("ETag"));

    answers.forEach(answer -> assertThat(answer.text()).doesNotContain(secret));
    String log = System.getProperty("it.server.log");
    if (log != null) {
      assertThat(Files.readString(Path.of(log), StandardCharsets.UTF_8)).doesNotContain(secret);
    }
  }

  @Test
  void updatesWithIfMatchKeepsOmittedSecretsAndClearsEmptyOnes() {
    String name = name();
    Answer created = admin.post("/bots", bot(name).build().toString());
    String etag = created.header("ETag");
    JsonObject change =
        bot(name)
            .add("maxOpenTrades", 5)
            .add("secrets", Json.createObjectBuilder().add("exchangeSecret", ""))
            .build();

    Answer updated = record(admin.put("/bots/" + name, change.toString(), etag));
    Answer stale = admin.put("/bots/" + name, change.toString(), etag);

    assertThat(updated.status()).as(updated.text()).isEqualTo(200);
    assertThat(updated.json().getInt("maxOpenTrades")).isEqualTo(5);
    assertThat(updated.json().getJsonObject("secrets").getBoolean("exchangeKey")).isTrue();
    assertThat(updated.json().getJsonObject("secrets").getBoolean("exchangeSecret")).isFalse();
    assertThat(updated.header("ETag")).isNotEqualTo(etag);
    assertProblem(stale, 412, "precondition-failed");
  }

  @Test
  void listsWithFiltersSortAndTotals() {
    String first = name();
    String second = name();
    admin.post("/bots", bot(first).build().toString());
    admin.post(
        "/bots",
        bot(second)
            .add("exchange", "binance")
            .add("stakeCurrency", "USDT")
            .add("pairWhitelist", Json.createArrayBuilder().add("BTC/USDT"))
            .build()
            .toString());

    JsonObject byStrategy = admin.get("/bots?strategy=" + strategy + "&sort=-name").json();
    JsonObject byTagAndExchange = admin.get("/bots?tag=" + first + "&exchange=kraken").json();
    Answer badSort = admin.get("/bots?sort=secret");

    assertThat(byStrategy.getInt("totalItems")).isEqualTo(2);
    assertThat(byStrategy.getJsonArray("items").getJsonObject(0).getString("name"))
        .isEqualTo(first.compareTo(second) > 0 ? first : second);
    assertThat(byTagAndExchange.getJsonArray("items")).hasSize(1);
    assertProblem(badSort, 422, "validation-failed");
  }

  @Test
  void refusesInvalidBotsWithTheFieldsAtFault() {
    JsonObject invalid =
        bot(name())
            .add("pairWhitelist", Json.createArrayBuilder().add("BTC/USDT"))
            .add(
                "config",
                Json.createObjectBuilder()
                    .add("exchange", Json.createObjectBuilder().add("secret", secret)))
            .add("strategy", Json.createObjectBuilder().add("name", "NoSuchStrategy"))
            .build();
    JsonObject unknownStrategy =
        bot(name()).add("strategy", Json.createObjectBuilder().add("name", "NoSuch")).build();

    Answer refused = record(admin.post("/bots", invalid.toString()));
    Answer noStrategy = admin.post("/bots", unknownStrategy.toString());

    assertProblem(refused, 422, "validation-failed");
    assertThat(
            refused.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")))
        .containsExactlyInAnyOrder("pairWhitelist[0]", "config.exchange.secret");
    assertThat(refused.text()).doesNotContain(secret);
    assertProblem(noStrategy, 422, "validation-failed");
    assertThat(noStrategy.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("strategy.name");
  }

  @Test
  void refusesDuplicateNamesAndMassAssignment() {
    String name = name();
    admin.post("/bots", bot(name).build().toString());

    Answer duplicate = admin.post("/bots", bot(name).build().toString());
    Answer massAssignment =
        admin.post("/bots", bot(name()).add("desiredState", "running").build().toString());

    assertProblem(duplicate, 409, "conflict");
    assertProblem(massAssignment, 400, "malformed-request");
  }

  /**
   * freqtrade's own Telegram and Discord notifications: write-only secrets like the exchange's,
   * Telegram's token and chat together, Discord's webhook an https URL, managed bots only.
   */
  @Test
  void notificationSecretsAreWriteOnlyAndCheckedTogether() {
    String token = "123456:" + secret;
    JsonObject notifying =
        bot(name())
            .add(
                "secrets",
                Json.createObjectBuilder()
                    .add("telegramToken", token)
                    .add("telegramChatId", "-1001")
                    .add("discordWebhookUrl", "https://discord.example/api/webhooks/1/" + secret))
            .build();

    Answer created = record(admin.post("/bots", notifying.toString()));

    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonObject secrets = created.json().getJsonObject("secrets");
    assertThat(secrets.getBoolean("telegramToken")).isTrue();
    assertThat(secrets.getBoolean("telegramChatId")).isTrue();
    assertThat(secrets.getBoolean("discordWebhookUrl")).isTrue();
    assertThat(record(admin.get("/bots/" + created.json().getString("id"))).text())
        .doesNotContain(secret);
    answers.forEach(answer -> assertThat(answer.text()).doesNotContain(secret));
  }

  @Test
  void notificationSecretsAreRefusedWhenIncompleteNotHttpsOrForAnExternalBot() {
    String token = "123456:" + secret;
    JsonObject tokenAlone =
        bot(name()).add("secrets", Json.createObjectBuilder().add("telegramToken", token)).build();
    assertProblem(admin.post("/bots", tokenAlone.toString()), 422, "validation-failed");
    JsonObject plainHttp =
        bot(name())
            .add(
                "secrets",
                Json.createObjectBuilder().add("discordWebhookUrl", "http://x.example/h"))
            .build();
    assertProblem(admin.post("/bots", plainHttp.toString()), 422, "validation-failed");
    JsonObject external =
        bot(name())
            .add("runMode", "external")
            .add("apiUrl", "http://127.0.0.1:8080")
            .add("apiUsername", "freqtrader")
            .add(
                "secrets",
                Json.createObjectBuilder()
                    .add("apiPassword", "bot-password")
                    .add("discordWebhookUrl", "https://discord.example/api/webhooks/2/x"))
            .build();
    assertProblem(admin.post("/bots", external.toString()), 422, "validation-failed");
  }

  @Test
  void externalBotsNeedTheirApiPassword() {
    JsonObject external =
        bot(name())
            .add("runMode", "external")
            .add("apiUrl", "http://127.0.0.1:8080")
            .add("apiUsername", "freqtrader")
            .build();

    assertProblem(admin.post("/bots", external.toString()), 422, "validation-failed");
  }

  @Test
  void protectsStrategiesInUseAndDeletesBots() {
    String name = name();
    admin.post("/bots", bot(name).build().toString());

    assertProblem(admin.delete("/strategies/" + strategy), 409, "conflict");
    assertThat(admin.delete("/bots/" + name).status()).isEqualTo(204);
    assertProblem(admin.get("/bots/" + name), 404, "not-found");
    assertThat(admin.delete("/strategies/" + strategy).status()).isEqualTo(204);
  }

  @Test
  void readsBotsThatHaveNoSecretsAtAll() {
    String name = name();
    JsonObject noSecrets = bot(name).add("secrets", Json.createObjectBuilder()).build();
    assertThat(admin.post("/bots", noSecrets.toString()).status()).isEqualTo(201);

    Answer read = admin.get("/bots/" + name);
    Answer listed = admin.get("/bots?tag=" + name);

    assertThat(read.status()).as(read.text()).isEqualTo(200);
    assertThat(read.json().getJsonObject("secrets").getBoolean("exchangeKey")).isFalse();
    assertThat(listed.json().getJsonArray("items")).hasSize(1);
  }

  @Test
  void unknownBotsAre404() {
    assertProblem(admin.get("/bots/" + UUID.randomUUID()), 404, "not-found");
  }
}

package io.multibot.management.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.common.testing.HttpReceiver;
import io.multibot.management.command.CommandFixtures;
import io.multibot.management.status.StatusReports;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Risk guards against the deployed server, fed through the real status stream (reports signed as a
 * gateway signs them): a drawdown trips the policy within a second or two, its pause goes out once
 * as a batch on the priority lane, it is audited as {@code risk-guard}, notified once to a real
 * webhook receiver, and re-arming arms it again (still breached, it acts again).
 */
class RiskGuardIT {

  private final Api admin = Api.asAdmin();
  private final Api operator = Api.withRole("operator");
  private final StatusReports reports = new StatusReports();
  private final HttpReceiver receiver = new HttpReceiver();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  RiskGuardIT() throws java.io.IOException {}

  @AfterEach
  void close() {
    reports.close();
    receiver.close();
  }

  @Test
  void aDrawdownTripsOncePausesTheBotAuditsNotifiesOnceAndRearms() throws Exception {
    String bot = CommandFixtures.registerExternalBot(admin, "risk", "pw-" + UUID.randomUUID());
    String botId = admin.get("/bots/" + bot).json().getString("id");
    notifyTripsOf(bot);
    String policy = "dd-" + suffix;
    createPolicy(policy, bot);

    reports.profit(botId, -50);
    JsonObject below =
        admin.await(
            "/risk/policies/" + policy + "/evaluation",
            e ->
                !e.getJsonArray("figures").isEmpty()
                    && e.getJsonArray("figures")
                            .getJsonObject(0)
                            .getJsonNumber("value")
                            .doubleValue()
                        > 4);
    assertThat(below.getBoolean("breached")).as("5 % < 10 %").isFalse();

    reports.profit(botId, -150);
    JsonObject tripped =
        admin.await("/risk/policies/" + policy, p -> p.getString("state").equals("tripped"));
    JsonObject figure = tripped.getJsonArray("trippedFigures").getJsonObject(0);
    assertThat(figure.getString("group")).isEqualTo("USDT");
    assertThat(figure.getJsonNumber("value").doubleValue())
        .isCloseTo(15.0, org.assertj.core.data.Offset.offset(0.01));
    String batchId = tripped.getString("trippedBatch");
    JsonObject batch = admin.get("/commands/batches/" + batchId).json();
    assertThat(batch.getString("kind")).isEqualTo("GUARD");
    assertThat(batch.getString("type")).isEqualTo("pause");
    assertThat(batch.getString("issuedBy")).isEqualTo("risk-guard");
    assertThat(batch.getJsonArray("commands").getJsonObject(0).getString("botId")).isEqualTo(botId);

    assertThat(trippedGauge())
        .as("multibot_risk_policies_tripped counts it")
        .isGreaterThanOrEqualTo(1);

    reports.profit(botId, -200);
    assertActedOnce(policy, batchId);
    assertRearmsAndActsAgain(policy, batchId);
  }

  @Test
  void anAssetHeldAcrossATagsBotsTripsItsExposureLimitNamingTheHolders() throws Exception {
    String tag = "exposure-" + suffix;
    String first = botId(CommandFixtures.registerExternalBot(admin, tag, "pw-" + suffix));
    String second = botId(CommandFixtures.registerExternalBot(admin, tag, "pw-" + suffix));
    String policy = "exposure-" + suffix;
    Answer created =
        operator.post(
            "/risk/policies",
            Json.createObjectBuilder()
                .add("name", policy)
                .add("tag", tag)
                .add("kind", "max-asset-exposure")
                .add("threshold", 1000)
                .add("action", "notify")
                .build()
                .toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);

    reports.holding(first, "BTC/USDT", 0.01, 60_000);
    reports.holding(second, "ETH/USDT", 0.1, 3_000);
    admin.await(
        "/risk/policies/" + policy + "/evaluation", e -> e.getJsonArray("figures").size() == 2);
    assertThat(admin.get("/risk/policies/" + policy).json().getString("state")).isEqualTo("armed");

    reports.holding(second, "BTC/USDT", 0.01, 60_000);
    JsonObject tripped =
        admin.await("/risk/policies/" + policy, p -> p.getString("state").equals("tripped"));
    JsonObject figure = tripped.getJsonArray("trippedFigures").getJsonObject(0);
    assertThat(figure.getString("group")).isEqualTo("BTC/USDT");
    assertThat(figure.getJsonNumber("value").doubleValue())
        .isCloseTo(1200, org.assertj.core.data.Offset.offset(0.01));
    assertThat(figure.getJsonArray("bots").getValuesAs(jakarta.json.JsonString::getString))
        .containsExactlyInAnyOrder(first, second);
    assertThat(!tripped.containsKey("trippedBatch") || tripped.isNull("trippedBatch"))
        .as("notify only: no command")
        .isTrue();
  }

  private String botId(String bot) {
    return admin.get("/bots/" + bot).json().getString("id");
  }

  @Test
  void badPoliciesAreRefusedByField() {
    assertField("{\"name\":\"p-" + suffix + "\",\"kind\":\"max-yolo\",\"threshold\":1}", "kind");
    assertField(
        "{\"name\":\"p-" + suffix + "\",\"kind\":\"daily-loss\",\"threshold\":-1}", "threshold");
    assertField(
        "{\"name\":\"p-" + suffix + "\",\"kind\":\"daily-loss\",\"threshold\":1e400}", "threshold");
    assertField(
        "{\"name\":\"p-"
            + suffix
            + "\",\"kind\":\"daily-loss\",\"threshold\":1,\"action\":\"sell-all\"}",
        "action");
    assertField(
        "{\"name\":\"p-"
            + suffix
            + "\",\"kind\":\"daily-loss\",\"threshold\":1,\"bot\":\"nobot-"
            + suffix
            + "\"}",
        "bot");
    assertThat(admin.get("/risk/policies/none-" + suffix).status()).isEqualTo(404);
    assertThat(Api.withRole("viewer").post("/risk/policies", "{}").status()).isEqualTo(403);
  }

  private void createPolicy(String policy, String bot) {
    Answer created =
        operator.post(
            "/risk/policies",
            Json.createObjectBuilder()
                .add("name", policy)
                .add("bot", bot)
                .add("kind", "max-drawdown-percent")
                .add("threshold", 10)
                .add("action", "pause")
                .build()
                .toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    assertThat(created.json().getString("state")).isEqualTo("armed");
  }

  private void assertActedOnce(String policy, String batchId) throws InterruptedException {
    Thread.sleep(2_500);
    assertThat(admin.get("/risk/policies/" + policy).json().getString("trippedBatch"))
        .as("a tripped policy does not act again")
        .isEqualTo(batchId);
    JsonObject audit =
        admin.get("/audit?action=risk.tripped&target=/api/v1/risk/policies/" + policy).json();
    assertThat(audit.getInt("totalItems")).isEqualTo(1);
    assertThat(audit.getJsonArray("items").getJsonObject(0).getString("username"))
        .isEqualTo("risk-guard");
    assertThat(trips()).as("one message for one trip").isEqualTo(1);
  }

  private void assertRearmsAndActsAgain(String policy, String batchId) throws InterruptedException {
    assertThat(Api.withRole("viewer").post("/risk/policies/" + policy + "/rearm", null).status())
        .isEqualTo(403);
    Answer rearmed = operator.post("/risk/policies/" + policy + "/rearm", null);
    assertThat(rearmed.status()).as(rearmed.text()).isEqualTo(200);
    assertThat(rearmed.json().getString("state")).isEqualTo("armed");
    JsonObject again =
        admin.await("/risk/policies/" + policy, p -> p.getString("state").equals("tripped"));
    assertThat(again.getString("trippedBatch"))
        .as("still breached: it acts again")
        .isNotEqualTo(batchId);
  }

  private void assertField(String body, String field) {
    Answer answer = operator.post("/risk/policies", body);
    assertThat(answer.status()).as(answer.text()).isEqualTo(422);
    assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo(field);
  }

  private void notifyTripsOf(String bot) {
    String channel = "risk-hook-" + suffix;
    assertThat(
            admin
                .post(
                    "/notifications/channels",
                    Json.createObjectBuilder()
                        .add("name", channel)
                        .add("type", "slack")
                        .add(
                            "secrets", Json.createObjectBuilder().add("url", receiver.url("/risk")))
                        .build()
                        .toString())
                .status())
        .isEqualTo(201);
    assertThat(
            admin
                .post(
                    "/notifications/rules",
                    Json.createObjectBuilder()
                        .add("name", "risk-" + suffix)
                        .add("events", Json.createArrayBuilder().add("risk-guard.tripped"))
                        .add("bots", Json.createArrayBuilder().add(bot))
                        .add("channels", Json.createArrayBuilder().add(channel))
                        .add("sendResolved", false)
                        .add("dedupWindow", "PT0S")
                        .build()
                        .toString())
                .status())
        .isEqualTo(201);
  }

  /** {@code multibot_risk_policies_tripped} as the server's {@code /metrics} shows it now. */
  private static double trippedGauge() throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      String metrics =
          io.multibot.common.testing.HttpJson.get(Api.root().replace("/api/v1", "/metrics")).text();
      java.util.Optional<Double> value =
          metrics
              .lines()
              .filter(line -> line.startsWith("multibot_risk_policies_tripped"))
              .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
              .findFirst();
      if (value.isPresent() && value.get() > 0) {
        return value.get();
      }
      Thread.sleep(100);
    }
    return 0;
  }

  private long trips() {
    return receiver.received().stream()
        .map(r -> Json.createReader(new StringReader(r.body())).readObject().getString("text"))
        .filter(text -> text.contains("risk-guard.tripped"))
        .count();
  }
}

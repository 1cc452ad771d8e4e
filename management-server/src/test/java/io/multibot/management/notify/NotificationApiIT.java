package io.multibot.management.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.common.testing.HttpReceiver;
import io.multibot.management.command.CommandFixtures;
import io.multibot.management.testing.Api;
import io.multibot.management.testing.SignedStreams;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications against the deployed server with real receivers: an HTTP server in this JVM for
 * webhook, Slack and Telegram, and GreenMail for SMTP. Each test makes its own channels and rules.
 */
class NotificationApiIT {

  private static final String SIGNING = "signing-secret-" + UUID.randomUUID();
  private static final String URL_TOKEN = "TOKEN" + UUID.randomUUID().toString().replace("-", "");

  private final Api admin = Api.asAdmin();
  private final HttpReceiver receiver = new HttpReceiver();
  private final SignedStreams streams = new SignedStreams();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  NotificationApiIT() throws java.io.IOException {}

  @AfterEach
  void close() {
    receiver.close();
    streams.close();
  }

  private String webhook(String name, String path) {
    JsonObject body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("type", "webhook")
            .add(
                "secrets",
                Json.createObjectBuilder()
                    .add("url", receiver.url(path + "?token=" + URL_TOKEN))
                    .add("signingSecret", SIGNING))
            .build();
    Answer created = admin.post("/notifications/channels", body.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return name;
  }

  @Test
  void aWebhookChannelNeverShowsItsSecretsAndItsTestMessageArrivesSigned() throws Exception {
    String channel = webhook("hook-" + suffix, "/hook");

    Answer read = admin.get("/notifications/channels/" + channel);
    assertThat(read.text()).doesNotContain(URL_TOKEN, SIGNING);
    assertThat(read.json().getJsonArray("secretsSet").toString()).contains("url", "signingSecret");
    assertThat(read.json().getString("target")).startsWith("http://127.0.0.1:").endsWith("/…");

    Answer test = admin.post("/notifications/channels/" + channel + "/test", null);

    assertThat(test.status()).as(test.text()).isEqualTo(200);
    assertThat(test.json().getString("status")).isEqualTo("sent");
    HttpReceiver.Received got = receiver.received().get(0);
    assertThat(got.path()).isEqualTo("/hook?token=" + URL_TOKEN);
    assertSigned(got);
    JsonObject body = Json.createReader(new java.io.StringReader(got.body())).readObject();
    assertThat(body.getString("event")).isEqualTo("test");
    assertThat(body.getString("id")).isEqualTo(test.json().getString("id"));
    assertThat(admin.get("/audit?action=notification.channel.create&size=100").text())
        .as("the audit log keeps no secret")
        .contains(channel)
        .doesNotContain(URL_TOKEN, SIGNING);
  }

  @Test
  void aFailedCommandReachesItsRulesChannelAfterTheReceiverFailedTwice() throws Exception {
    String bot = CommandFixtures.registerExternalBot(admin, "notify", "pw-" + UUID.randomUUID());
    String channel = webhook("fails-" + suffix, "/flaky");
    rule("failures-" + suffix, List.of("command.failed"), bot, channel);
    receiver.answer(500, 503);

    Answer stop = admin.post("/bots/" + bot + "/stop", null);
    assertThat(stop.status()).as(stop.text()).isEqualTo(202);
    String commandId = stop.json().getString("id");
    String botId = stop.json().getString("botId");
    streams.add(
        StreamNames::results,
        new ResultMessage(
                commandId,
                botId,
                CommandStatus.FAILED,
                "the bot said no",
                "gw-n",
                Instant.now(),
                "{}")
            .toFields());

    JsonObject delivery = firstWhenSent("/notifications/deliveries?rule=failures-" + suffix);

    assertThat(delivery.getInt("attempts")).as("500, 503, then 200").isEqualTo(3);
    assertThat(delivery.getString("event")).isEqualTo("command.failed");
    assertThat(delivery.getString("subject")).contains(commandId).contains(bot);
    List<HttpReceiver.Received> got = receiver.received();
    assertThat(got).hasSize(3);
    assertThat(got)
        .extracting(r -> r.header("X-Multibot-Delivery"))
        .as("the same delivery each time, for a receiver to drop repeats")
        .containsOnly(delivery.getString("id"));
    for (HttpReceiver.Received request : got) {
      assertSigned(request);
      assertThat(request.body()).contains("\"text\":\"the bot said no\"");
    }
  }

  @Test
  void slackAndTelegramGetTheirOwnShapes() {
    String slack = "slack-" + suffix;
    post(
        "/notifications/channels",
        Json.createObjectBuilder()
            .add("name", slack)
            .add("type", "slack")
            .add("secrets", Json.createObjectBuilder().add("url", receiver.url("/services/T/B/X"))),
        201);
    String telegram = "tg-" + suffix;
    post(
        "/notifications/channels",
        Json.createObjectBuilder()
            .add("name", telegram)
            .add("type", "telegram")
            .add("chatId", "-100123")
            .add("apiUrl", receiver.url(""))
            .add(
                "secrets",
                Json.createObjectBuilder().add("botToken", "123456:ABCDEFGHIJKLMNOPQRS")),
        201);

    post("/notifications/channels/" + slack + "/test", null, 200);
    post("/notifications/channels/" + telegram + "/test", null, 200);

    List<HttpReceiver.Received> got = receiver.received();
    assertThat(got.get(0).body()).startsWith("{\"text\":\"[INFO] test: channel " + slack);
    assertThat(got.get(1).path()).isEqualTo("/bot123456:ABCDEFGHIJKLMNOPQRS/sendMessage");
    assertThat(got.get(1).body()).contains("\"chat_id\":\"-100123\"", "[INFO] test");
    assertThat(admin.get("/notifications/channels/" + telegram).text())
        .doesNotContain("ABCDEFGHIJ");
  }

  @Test
  void anEmailChannelSendsThroughARealSmtpServer() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      smtp.setUser("multibot@example.org", "mailer", "mail-password-1");
      String channel = "mail-" + suffix;
      post(
          "/notifications/channels",
          Json.createObjectBuilder()
              .add("name", channel)
              .add("type", "email")
              .add("smtpHost", "127.0.0.1")
              .add("smtpPort", smtp.getSmtp().getPort())
              .add("smtpSecurity", "none")
              .add("smtpUsername", "mailer")
              .add("from", "multibot@example.org")
              .add("to", Json.createArrayBuilder().add("ops@example.org"))
              .add("secrets", Json.createObjectBuilder().add("password", "mail-password-1")),
          201);

      post("/notifications/channels/" + channel + "/test", null, 200);

      assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
      MimeMessage mail = smtp.getReceivedMessages()[0];
      assertThat(mail.getSubject()).isEqualTo("[INFO] test: channel " + channel);
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ops@example.org");
      assertThat(admin.get("/notifications/channels/" + channel).text())
          .doesNotContain("mail-password-1");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void aChannelThatRefusesTheTestIsA502WithItsAnswerAndNoSecret() {
    String channel = webhook("refuses-" + suffix, "/gone");
    receiver.answer(404);

    Answer test = admin.post("/notifications/channels/" + channel + "/test", null);

    assertThat(test.status()).isEqualTo(502);
    assertThat(test.contentType()).startsWith("application/problem+json");
    assertThat(test.json().getString("detail")).contains("404").doesNotContain(URL_TOKEN);
    JsonObject recorded =
        admin
            .get("/notifications/deliveries?channel=" + channel)
            .json()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(recorded.getString("status")).isEqualTo("failed");
    assertThat(recorded.getInt("attempts")).isEqualTo(1);
  }

  @Test
  void badChannelsAndRulesAreRefusedByField() {
    String channel = webhook("used-" + suffix, "/x");
    rule("uses-" + suffix, List.of("bot.crashed"), null, channel);

    assertField(
        admin.post(
            "/notifications/channels", "{\"name\":\"x-" + suffix + "\",\"type\":\"pigeon\"}"),
        "type");
    assertField(
        admin.post("/notifications/channels", "{\"name\":\"y-" + suffix + "\",\"type\":\"slack\"}"),
        "secrets.url");
    assertField(
        admin.post(
            "/notifications/channels",
            "{\"name\":\"z-"
                + suffix
                + "\",\"type\":\"slack\",\"secrets\":{\"url\":\"file:///etc/passwd\"}}"),
        "secrets.url");
    assertField(ruleAnswer("r1-" + suffix, List.of("bot.exploded"), null, channel), "events");
    assertField(
        ruleAnswer("r2-" + suffix, List.of("bot.crashed"), null, "no-such-channel"), "channels");
    assertField(
        ruleAnswer("r3-" + suffix, List.of("bot.crashed"), "no-such-bot-" + suffix, channel),
        "bots");
    assertLossPercentRefused(channel);
    assertThat(admin.delete("/notifications/channels/" + channel).status())
        .as("a channel a rule uses")
        .isEqualTo(409);
    assertThat(admin.get("/notifications/rules/nope-" + suffix).status()).isEqualTo(404);
    assertThat(Api.withRole("operator").get("/notifications/channels").status()).isEqualTo(403);
    assertThat(Api.withRole("operator").get("/notifications/deliveries").status()).isEqualTo(200);
    assertThat(Api.withRole("viewer").get("/notifications/deliveries").status()).isEqualTo(403);
    assertField(admin.get("/notifications/deliveries?status=lost"), "status");
  }

  @Test
  void aBatchWithAFailureIsToldOnceAfterItsLastOutcome() throws Exception {
    String tag = "batch-" + suffix;
    CommandFixtures.registerExternalBot(admin, tag, "pw-" + UUID.randomUUID());
    CommandFixtures.registerExternalBot(admin, tag, "pw-" + UUID.randomUUID());
    String channel = webhook("batches-" + suffix, "/batches");
    rule("batches-" + suffix, List.of("batch.finished-with-failures"), null, channel);
    Answer bulk =
        admin.post(
            "/commands/bulk", "{\"type\": \"pause\", \"selector\": {\"tags\": [\"" + tag + "\"]}}");
    assertThat(bulk.status()).as(bulk.text()).isEqualTo(202);
    String batch = bulk.json().getString("id");
    List<JsonObject> commands = bulk.json().getJsonArray("commands").getValuesAs(JsonObject.class);
    assertThat(commands).hasSize(2);

    result(commands.get(0), CommandStatus.FAILED);
    Thread.sleep(3_000);
    assertThat(batchMessages(batch)).as("one command still open: nothing yet").isEmpty();

    result(commands.get(1), CommandStatus.SUCCEEDED);
    JsonObject told =
        admin.await(
            "/notifications/deliveries?rule=batches-" + suffix,
            page ->
                page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                    .anyMatch(d -> d.getString("subject").equals("batch " + batch)));
    Thread.sleep(3_000);
    List<JsonObject> messages = batchMessages(batch);
    assertThat(messages).as("told once").hasSize(1);
    assertThat(messages.get(0).getString("event")).isEqualTo("batch.finished-with-failures");
    assertThat(told.getJsonArray("items").toString()).contains("1 of 2").contains("FAILED=1");
  }

  private void result(JsonObject command, CommandStatus status) {
    streams.add(
        StreamNames::results,
        new ResultMessage(
                command.getString("commandId"),
                command.getString("botId"),
                status,
                "as the test says",
                "gw-b",
                Instant.now(),
                "{}")
            .toFields());
  }

  private List<JsonObject> batchMessages(String batch) {
    return admin
        .get("/notifications/deliveries?rule=batches-" + suffix)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(d -> d.getString("subject").equals("batch " + batch))
        .toList();
  }

  private void assertLossPercentRefused(String channel) {
    for (String percent : List.of("101", "-1", "1e400")) {
      assertField(
          admin.post(
              "/notifications/rules",
              "{\"name\":\"r4-"
                  + suffix
                  + "\",\"events\":[\"trade.closed-with-loss\"],\"channels\":[\""
                  + channel
                  + "\"],\"tradeLossPercent\":"
                  + percent
                  + "}"),
          "tradeLossPercent");
    }
  }

  private void rule(String name, List<String> events, String bot, String channel) {
    Answer created = ruleAnswer(name, events, bot, channel);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
  }

  private Answer ruleAnswer(String name, List<String> events, String bot, String channel) {
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("name", name)
            .add("events", Json.createArrayBuilder(events))
            .add("channels", Json.createArrayBuilder().add(channel));
    if (bot != null) {
      body.add("bots", Json.createArrayBuilder().add(bot));
    }
    return admin.post("/notifications/rules", body.build().toString());
  }

  private void post(String path, JsonObjectBuilder body, int status) {
    Answer answer = admin.post(path, body == null ? null : body.build().toString());
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
  }

  private static void assertField(Answer answer, String field) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(422);
    assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo(field);
  }

  /** The newest delivery of the list at {@code path}, once it is sent. */
  private JsonObject firstWhenSent(String path) throws InterruptedException {
    return admin
        .await(
            path,
            page ->
                !page.getJsonArray("items").isEmpty()
                    && "sent"
                        .equals(page.getJsonArray("items").getJsonObject(0).getString("status")))
        .getJsonArray("items")
        .getJsonObject(0);
  }

  /** Recomputes the signature here, as a receiver would, with the JDK's HMAC. */
  private static void assertSigned(HttpReceiver.Received request) {
    String timestamp = request.header("X-Multibot-Timestamp");
    String expected =
        "sha256=" + HttpReceiver.hmacSha256Hex(SIGNING, timestamp + "." + request.body());
    assertThat(request.header("X-Multibot-Signature")).isEqualTo(expected);
    assertThat(Long.parseLong(timestamp))
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
  }
}

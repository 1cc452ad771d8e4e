package io.multibot.management.command;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.CommandMessage;
import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Commands through the management API, with the test standing in for the gateway on the real Redis:
 * what management publishes (signed, the bot password encrypted), and what it records from the
 * results it reads back.
 */
@MicroShedTest
class CommandApiIT {

  private static final String BOT_PASSWORD = "bot-api-password-" + UUID.randomUUID();

  private final Api admin = Api.asAdmin();
  private final StreamSecurity security =
      StreamSecurity.fromBase64(System.getProperty("it.stream.key"));
  private final StreamNames names =
      new StreamNames(System.getProperty("it.stream.prefix", "mgmt-it-derby"), 16);
  private RedisConnection connection;
  private RedisClient redis;
  private String bot;
  private final String tag = "t" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeEach
  void registerAnExternalBot() {
    bot = register();
  }

  private String register() {
    connection = new RedisConnection(System.getProperty("it.redis.url"), Duration.ofSeconds(2));
    redis = connection.client();
    return CommandFixtures.registerExternalBot(admin, tag, BOT_PASSWORD);
  }

  @AfterEach
  void close() {
    connection.close();
  }

  /** The published entry of a command, found on the bot's partition. */
  private Map<String, String> published(String commandId) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      for (String stream : streams()) {
        Optional<StreamEntry> entry =
            redis.xrange(stream, (StreamEntryID) null, (StreamEntryID) null).stream()
                .filter(e -> commandId.equals(e.getFields().get("id")))
                .findFirst();
        if (entry.isPresent()) {
          return entry.get().getFields();
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("command " + commandId + " was not published");
  }

  private java.util.List<String> streams() {
    java.util.List<String> streams = new java.util.ArrayList<>();
    for (int p = 0; p < names.partitions(); p++) {
      streams.add(names.commands(p));
    }
    streams.add(names.priority());
    return streams;
  }

  private String botId() {
    return admin.get("/bots/" + bot).json().getString("id");
  }

  private void report(String commandId, CommandStatus status, String reason, boolean signed) {
    Map<String, String> fields =
        new ResultMessage(
                commandId,
                botId(),
                status,
                reason,
                "gw-test",
                Instant.now(),
                "{\"state\":\"running\"}")
            .toFields();
    redis.xadd(names.results(), XAddParams.xAddParams(), signed ? security.sign(fields) : fields);
  }

  private JsonObject awaitStatus(String commandId, String status) throws InterruptedException {
    JsonObject command = null;
    for (int i = 0; i < 100; i++) {
      command = admin.get("/commands/" + commandId).json();
      if (status.equals(command.getString("status"))) {
        return command;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("command stayed " + command);
  }

  @Test
  void acceptsPublishesSignedAndRecordsTheGatewaysResults() throws Exception {
    Answer accepted = admin.post("/bots/" + bot + "/start", null);
    String id = accepted.json().getString("id");

    Map<String, String> entry = published(id);
    CommandMessage message = CommandMessage.fromFields(entry).orElseThrow();
    awaitStatus(id, "DISPATCHED");
    report(id, CommandStatus.RUNNING, "", true);
    awaitStatus(id, "RUNNING");
    report(id, CommandStatus.SUCCEEDED, "", true);
    JsonObject done = awaitStatus(id, "SUCCEEDED");
    report(id, CommandStatus.RUNNING, "", true);
    report(id, CommandStatus.FAILED, "late and forged", false);
    Thread.sleep(1_000);

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.header("Location")).endsWith("/api/v1/commands/" + id);
    assertThat(security.verify(entry)).isTrue();
    assertThat(message.type().wireName()).isEqualTo("start");
    assertThat(entry.values()).noneMatch(v -> v.contains(BOT_PASSWORD));
    assertThat(security.decrypt(message.bot().encryptedPassword())).contains(BOT_PASSWORD);
    assertThat(done.getString("gateway")).isEqualTo("gw-test");
    assertThat(done.getJsonObject("result").getString("state")).isEqualTo("running");
    assertThat(admin.get("/commands/" + id).json().getString("status")).isEqualTo("SUCCEEDED");
    String metrics =
        io.multibot.common.testing.HttpJson.get(Api.root().replace("/api/v1", "/metrics")).text();
    assertThat(metrics).containsPattern("multibot_commands_accepted_total\\{[^}]*type=\"start\"");
    assertThat(metrics)
        .containsPattern(
            "multibot_commands_finished_total\\{[^}]*status=\"succeeded\"[^}]*type=\"start\"");
    assertThat(metrics).contains("multibot_commands_latency_seconds");
    assertThat(metrics).contains("multibot_results_pending");
  }

  /**
   * A publish lost after the commit (the server stopped, or Redis was down): the row is set back to
   * ACCEPTED and its entry removed, straight in PostgreSQL and Redis; the outbox sweeper sends it
   * again. Only on the PostgreSQL server, whose database the test can reach.
   */
  @Test
  void theOutboxSendsAgainWhatWasAcceptedButNeverPublished() throws Exception {
    Assumptions.assumeTrue("liberty-postgresql".equals(System.getProperty("arquillian.launch")));
    String id = admin.post("/bots/" + bot + "/stop", null).json().getString("id");
    published(id);
    awaitStatus(id, "DISPATCHED");
    for (String stream : streams()) {
      redis.xrange(stream, (StreamEntryID) null, (StreamEntryID) null).stream()
          .filter(e -> id.equals(e.getFields().get("id")))
          .forEach(e -> redis.xdel(stream, e.getID()));
    }
    try (Connection db =
            DriverManager.getConnection(
                System.getProperty("it.postgresql.jdbc.url"),
                System.getProperty("it.postgresql.user"),
                null);
        PreparedStatement lose =
            db.prepareStatement(
                "update command set status = 'ACCEPTED', dispatched_at = null,"
                    + " created_at = created_at - interval '10 seconds' where id = ?")) {
      lose.setString(1, id);
      assertThat(lose.executeUpdate()).isEqualTo(1);
    }

    Map<String, String> again = published(id);
    JsonObject command = awaitStatus(id, "DISPATCHED");

    assertThat(security.verify(again)).isTrue();
    assertThat(command.getString("dispatchedAt")).isNotBlank();
  }

  @Test
  void waitsForTheOutcomeWhenAsked() {
    CompletableFuture<Void> gateway =
        CompletableFuture.runAsync(
            () -> {
              try {
                String id = awaitNewest();
                published(id);
                report(id, CommandStatus.SUCCEEDED, "", true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    Answer answer =
        admin.post(
            "/bots/" + bot + "/commands?wait=10s",
            "{\"type\": \"forceenter\", \"pair\": \"BTC/USDT\", \"stakeAmount\": 5}");
    gateway.join();

    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    assertThat(answer.json().getString("status")).isEqualTo("SUCCEEDED");
    assertThat(answer.json().getJsonObject("params").getString("pair")).isEqualTo("BTC/USDT");
  }

  /**
   * A wait whose time runs out answers 202 with the command as it is then: the deadline's look runs
   * on the container's executor, handed over by the waiter's own timer thread, and reads the stored
   * command (here already published: DISPATCHED). A look that failed there would answer with the
   * command as it was accepted.
   */
  @Test
  void aWaitWhoseTimeRunsOutAnswersWithTheCommandAsItIsThen() throws Exception {
    Answer answer = admin.post("/bots/" + bot + "/stop?wait=2s", null);

    assertThat(answer.status()).as(answer.text()).isEqualTo(202);
    assertThat(answer.json().getString("status")).isEqualTo("DISPATCHED");
    assertThat(answer.json().getString("dispatchedAt")).isNotBlank();
    String id = answer.json().getString("id");
    published(id);
    report(id, CommandStatus.SUCCEEDED, "", true);
    awaitStatus(id, "SUCCEEDED");
  }

  private String awaitNewest() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      var items = admin.get("/bots/" + bot + "/commands").json().getJsonArray("items");
      if (!items.isEmpty()) {
        return items.getJsonObject(0).getString("id");
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no command appeared");
  }

  @Test
  void anIdempotencyKeyNeverMakesASecondCommand() {
    String key = UUID.randomUUID().toString();
    Answer first = send("/bots/" + bot + "/stop", null, key);
    Answer again = send("/bots/" + bot + "/stop", null, key);
    Answer otherCommand = send("/bots/" + bot + "/start", null, key);

    assertThat(again.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertProblem(otherCommand, 409, "conflict");
    assertThat(admin.get("/commands?bot=" + bot + "&type=stop").json().getInt("totalItems"))
        .isEqualTo(1);
  }

  private Answer send(String path, String body, String key) {
    return CommandFixtures.send(admin, path, body, key);
  }

  @Test
  void sendsOneCommandPerSelectedBotAndShowsTheBatch() throws Exception {
    String second = register();

    Answer bulk =
        admin.post(
            "/commands/bulk", "{\"type\": \"pause\", \"selector\": {\"tags\": [\"" + tag + "\"]}}");
    JsonObject batch = bulk.json();
    for (JsonObject item : batch.getJsonArray("commands").getValuesAs(JsonObject.class)) {
      published(item.getString("commandId"));
      report(item.getString("commandId"), CommandStatus.SUCCEEDED, "", true);
    }
    JsonObject finished = awaitBatch(bulk.header("Location"));

    assertThat(bulk.status()).as(bulk.text()).isEqualTo(202);
    assertThat(batch.getInt("total")).isEqualTo(2);
    assertThat(batch.getJsonArray("commands").getValuesAs(JsonObject.class))
        .extracting(i -> i.getString("botName"))
        .containsExactlyInAnyOrder(bot, second);
    assertThat(finished.getJsonObject("byStatus").getInt("SUCCEEDED")).isEqualTo(2);
    assertProblem(
        admin.post(
            "/commands/bulk", "{\"type\": \"stop\", \"selector\": {\"tags\": [\"no-such-tag\"]}}"),
        422,
        "validation-failed");
    assertProblem(
        admin.post(
            "/commands/bulk",
            "{\"type\": \"stop\", \"selector\": {\"tags\": [\"x\"], \"all\": true}}"),
        422,
        "validation-failed");
  }

  /**
   * A batch's bots are published together, each under its publishing lock taken without waiting: a
   * bot whose lock another publisher holds is not skipped but goes on alone once it is free.
   */
  @Test
  void aBatchBotWhoseLockIsHeldIsPublishedOnceTheLockIsFree() throws Exception {
    String second = register();
    String secondId = admin.get("/bots/" + second).json().getString("id");
    redis.set(names.publishing(secondId), "another-publisher", SetParams.setParams().px(1500));

    JsonObject batch =
        admin
            .post(
                "/commands/bulk",
                "{\"type\": \"pause\", \"selector\": {\"tags\": [\"" + tag + "\"]}}")
            .json();
    Map<String, String> ids = new java.util.HashMap<>();
    for (JsonObject item : batch.getJsonArray("commands").getValuesAs(JsonObject.class)) {
      ids.put(item.getString("botName"), item.getString("commandId"));
    }

    assertThat(published(ids.get(bot))).containsEntry("type", "pause");
    assertThat(published(ids.get(second))).containsEntry("type", "pause");
    String status = "";
    for (int i = 0; i < 50 && !"DISPATCHED".equals(status); i++) {
      Thread.sleep(100);
      status = admin.get("/commands/" + ids.get(second)).json().getString("status");
    }
    assertThat(status).isEqualTo("DISPATCHED");
  }

  private JsonObject awaitBatch(String location) throws InterruptedException {
    String path = location.substring(location.indexOf("/api/v1") + "/api/v1".length());
    JsonObject batch = null;
    for (int i = 0; i < 100; i++) {
      batch = admin.get(path).json();
      if (batch.getBoolean("finished")) {
        return batch;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the batch did not finish: " + batch);
  }

  @Test
  void theKillSwitchGoesToEveryBotOnThePriorityLane() throws Exception {
    long bots = admin.get("/bots?size=1").json().getJsonNumber("totalItems").longValue();

    Answer emergency = admin.post("/emergency/stop-all?exitPositions=true", null);
    JsonObject mine =
        emergency.json().getJsonArray("commands").getValuesAs(JsonObject.class).stream()
            .filter(i -> i.getString("botName").equals(bot))
            .findFirst()
            .orElseThrow();
    Map<String, String> entry = published(mine.getString("commandId"));

    assertThat(emergency.status()).as(emergency.text()).isEqualTo(202);
    assertThat(emergency.json().getString("kind")).isEqualTo("EMERGENCY");
    assertThat(emergency.json().getInt("total")).isEqualTo(bots);
    assertThat(redis.xrange(names.priority(), (StreamEntryID) null, (StreamEntryID) null))
        .anyMatch(e -> mine.getString("commandId").equals(e.getFields().get("id")));
    assertThat(entry.get("type")).isEqualTo("emergency_stop");
    assertThat(entry.get("params")).contains("\"exit_positions\":true");
    assertThat(admin.get("/audit?action=emergency.stop-all").json().getJsonArray("items"))
        .isNotEmpty();
    assertThat(
            io.multibot.common.testing.HttpJson.get(Api.root().replace("/api/v1", "/metrics"))
                .text())
        .as("the chart's MultibotKillSwitchPulled alert reads this counter")
        .containsPattern("multibot_emergency_stop_all_total\\{[^}]*\\} [1-9]");
  }

  @Test
  void refusesInvalidCommandsWithTheFieldsAtFault() {
    Answer noPair =
        admin.post("/bots/" + bot + "/commands", "{\"type\": \"forceenter\", \"stakeAmount\": -1}");
    Answer unknownType = admin.post("/bots/" + bot + "/commands", "{\"type\": \"explode\"}");
    Answer badTrade =
        admin.post(
            "/bots/" + bot + "/commands", "{\"type\": \"forceexit\", \"tradeId\": \"some\"}");
    Answer badWait = admin.post("/bots/" + bot + "/start?wait=99s", null);
    Answer unknownBot = admin.post("/bots/no-such-bot/start", null);
    Answer viewer = Api.withRole("viewer").post("/bots/" + bot + "/start", null);

    assertProblem(noPair, 422, "validation-failed");
    assertThat(noPair.text()).contains("\"pair\"").contains("\"stakeAmount\"");
    assertProblem(unknownType, 422, "validation-failed");
    assertProblem(badTrade, 422, "validation-failed");
    assertProblem(badWait, 422, "validation-failed");
    assertProblem(unknownBot, 404, "not-found");
    assertProblem(viewer, 403, "forbidden");
    assertProblem(admin.get("/commands/" + UUID.randomUUID()), 404, "not-found");
    assertProblem(admin.get("/commands?status=NOPE"), 422, "validation-failed");
  }
}

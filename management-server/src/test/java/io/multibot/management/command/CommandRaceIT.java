package io.multibot.management.command;

import static io.multibot.common.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Commands racing on one bot, and the Idempotency-Key compared on the whole request: against the
 * running management server (Derby and PostgreSQL), with real concurrent HTTP requests.
 */
@MicroShedTest
class CommandRaceIT {

  private final Api admin = Api.asAdmin();
  private String bot;

  @BeforeEach
  void registerAnExternalBot() {
    bot =
        CommandFixtures.registerExternalBot(
            admin,
            "race" + UUID.randomUUID().toString().substring(0, 8),
            "bot-api-password-" + UUID.randomUUID());
  }

  private Answer send(String path, String body, String key) {
    return CommandFixtures.send(admin, path, body, key);
  }

  @Test
  void anIdempotencyKeyReusedWithAnotherBodyIsAConflictNotTheFirstCommand() {
    String key = UUID.randomUUID().toString();
    String path = "/bots/" + bot + "/commands";
    Answer first = send(path, "{\"type\": \"forceenter\", \"pair\": \"BTC/USDT\"}", key);
    Answer otherPair = send(path, "{\"type\": \"forceenter\", \"pair\": \"ETH/USDT\"}", key);
    Answer otherExpiry =
        send(
            path,
            "{\"type\": \"forceenter\", \"pair\": \"BTC/USDT\", \"expiresIn\": \"PT1M\"}",
            key);
    Answer same = send(path, "{\"pair\": \"BTC/USDT\", \"type\": \"forceenter\"}", key);

    assertThat(first.status()).as(first.text()).isEqualTo(202);
    assertProblem(otherPair, 409, "conflict");
    assertProblem(otherExpiry, 409, "conflict");
    assertThat(same.json().getString("id")).isEqualTo(first.json().getString("id"));
  }

  /**
   * Ordinary concurrency on one bot: twenty commands at once, and one Idempotency-Key sent five
   * times at once. No 5xx (reading the bot no longer rewrites its row; a lost race is a 409), and
   * the key still makes exactly one command.
   */
  @Test
  void concurrentCommandsToOneBotNeverFailWithAServerError() {
    String key = UUID.randomUUID().toString();
    java.util.List<CompletableFuture<Answer>> answers = new java.util.ArrayList<>();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(25);
    try {
      for (int i = 0; i < 20; i++) {
        String body = "{\"type\": \"forceexit\", \"tradeId\": " + (i + 1) + "}";
        answers.add(
            CompletableFuture.supplyAsync(
                () -> send("/bots/" + bot + "/commands", body, UUID.randomUUID().toString()),
                pool));
      }
      for (int i = 0; i < 5; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> send("/bots/" + bot + "/commands", "{\"type\": \"pause\"}", key), pool));
      }
      java.util.List<Answer> done = answers.stream().map(CompletableFuture::join).toList();

      assertThat(done)
          .allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isIn(200, 202, 409));
      assertThat(done.subList(0, 20)).allSatisfy(a -> assertThat(a.status()).isEqualTo(202));
      assertThat(admin.get("/commands?bot=" + bot + "&type=pause").json().getInt("totalItems"))
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void startAndStopRecordTheStateTheBotShouldBeIn() {
    assertThat(admin.get("/bots/" + bot).json().getString("desiredState")).isEqualTo("stopped");

    assertThat(admin.post("/bots/" + bot + "/start", null).status()).isEqualTo(202);
    Answer started = admin.get("/bots/" + bot);
    assertThat(admin.post("/bots/" + bot + "/start", null).status()).isEqualTo(202);
    Answer startedAgain = admin.get("/bots/" + bot);
    assertThat(admin.post("/bots/" + bot + "/stop", null).status()).isEqualTo(202);
    Answer stopped = admin.get("/bots/" + bot);

    assertThat(started.json().getString("desiredState")).isEqualTo("running");
    assertThat(stopped.json().getString("desiredState")).isEqualTo("stopped");
    assertThat(startedAgain.header("ETag"))
        .as("a second start changes nothing, not even the version")
        .isEqualTo(started.header("ETag"));
    assertThat(stopped.header("ETag")).isNotEqualTo(started.header("ETag"));
  }

  @Test
  void aBotMeantToBeRunningCannotBeDeleted() {
    assertThat(admin.post("/bots/" + bot + "/start", null).status()).isEqualTo(202);
    assertProblem(admin.delete("/bots/" + bot), 409, "conflict");

    assertThat(admin.post("/bots/" + bot + "/stop", null).status()).isEqualTo(202);
    assertThat(admin.delete("/bots/" + bot).status()).isEqualTo(204);
  }
}

package io.multibot.management.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.ResultMessage;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.testing.HttpJson.Answer;
import io.multibot.management.testing.Api;
import io.multibot.management.testing.SignedStreams;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ?wait=} is woken by the stored outcome, not by a periodic look: the answer leaves well
 * within the fallback look's second after a gateway reports. Five waits all answered within 400 ms
 * of their report would happen by chance about once in a hundred runs if only the once-a-second
 * fallback look ended them.
 */
class CommandWaitIT {

  private static final long SIGNALLED_MILLIS = 400;

  private final Api admin = Api.asAdmin();
  private final SignedStreams streams = new SignedStreams();
  private final String bot =
      CommandFixtures.registerExternalBot(admin, "wait", "bot-password-" + UUID.randomUUID());
  private final Set<String> seen = new HashSet<>();

  @AfterEach
  void close() {
    streams.close();
  }

  @Test
  void aWaitingRequestIsAnsweredAsSoonAsTheOutcomeIsStored() throws Exception {
    String botId = admin.get("/bots/" + bot).json().getString("id");
    long slowest = 0;
    for (int i = 0; i < 5; i++) {
      CompletableFuture<Answer> answer =
          CompletableFuture.supplyAsync(() -> admin.post("/bots/" + bot + "/stop?wait=10s", null));
      String id = newCommand();
      Thread.sleep(50);
      long reported = System.nanoTime();
      report(id, botId);
      Answer answered = answer.get();
      long millis = Duration.ofNanos(System.nanoTime() - reported).toMillis();
      slowest = Math.max(slowest, millis);

      assertThat(answered.status()).as(answered.text()).isEqualTo(200);
      assertThat(answered.json().getString("status")).isEqualTo("SUCCEEDED");
    }
    assertThat(slowest).as("slowest answer after its report, ms").isLessThan(SIGNALLED_MILLIS);
  }

  private String newCommand() throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      JsonArray items = admin.get("/bots/" + bot + "/commands?size=1").json().getJsonArray("items");
      if (!items.isEmpty() && seen.add(items.getJsonObject(0).getString("id"))) {
        return items.getJsonObject(0).getString("id");
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no new command appeared");
  }

  private void report(String commandId, String botId) {
    var fields =
        new ResultMessage(
                commandId, botId, CommandStatus.SUCCEEDED, "", "gw-wait", Instant.now(), "{}")
            .toFields();
    streams.add(StreamNames::results, fields);
  }
}

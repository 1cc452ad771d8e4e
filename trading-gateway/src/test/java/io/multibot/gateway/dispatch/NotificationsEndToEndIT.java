package io.multibot.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Notifications with every real part: a managed simulator bot that crashes under the real
 * supervisor, the status stream, management's rules and delivery queue, and a webhook receiver over
 * HTTP. Measures the time from the crash to the message (written to {@code
 * target/notification-latency.txt}), and kills management with SIGKILL while a message is failing
 * to be delivered: it arrives once the server is back.
 */
class NotificationsEndToEndIT {

  private static final String SIGNING = "e2e-signing-secret-" + UUID.randomUUID();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aCrashReachesTheWebhookAndAFailingDeliverySurvivesAManagementKill() throws Exception {
    String token = ManagementApi.token();
    try (HttpReceiver receiver = new HttpReceiver()) {
      String bot = crashingBot(token);
      setUp(token, receiver, bot);

      start(token, bot);
      HttpReceiver.Received first = awaitDelivered(receiver, "bot.crashed", Optional.empty());
      Duration latency =
          Duration.between(Instant.parse(body(first).getString("occurredAt")), first.at());
      assertSigned(first);
      assertThat(body(first).getString("subject")).isEqualTo("bot " + bot);
      report("crash -> webhook message (one receiver, no failures): " + latency.toMillis() + " ms");

      receiver.otherwise(503);
      start(ManagementApi.token(), bot);
      HttpReceiver.Received failing = awaitFailing(receiver);
      String deliveryId = failing.header("X-Multibot-Delivery");
      ManagementProcess.kill();
      receiver.otherwise(200);
      Instant killed = Instant.now();
      ManagementProcess.start();

      HttpReceiver.Received arrived =
          awaitDelivered(receiver, "bot.crashed", Optional.of(deliveryId));
      assertSigned(arrived);
      assertThat(arrived.body()).isEqualTo(failing.body());
      report(
          "failing delivery, management SIGKILL, receiver back: arrived "
              + Duration.between(killed, arrived.at()).toMillis()
              + " ms after the kill (restart included)");
      ManagementApi.post(ManagementApi.token(), "/bots/" + bot + "/stop?wait=30s", null);
    }
  }

  private String crashingBot(String token) {
    String name = "notify-" + suffix;
    ManagementApi.registerCrashingBot(token, name, "never");
    return name;
  }

  private void setUp(String token, HttpReceiver receiver, String bot) {
    String channel = "e2e-hook-" + suffix;
    JsonObject hook =
        Json.createObjectBuilder()
            .add("name", channel)
            .add("type", "webhook")
            .add(
                "secrets",
                Json.createObjectBuilder()
                    .add("url", receiver.url("/e2e"))
                    .add("signingSecret", SIGNING))
            .build();
    HttpJson.Answer created = ManagementApi.post(token, "/notifications/channels", hook.toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    JsonObject rule =
        Json.createObjectBuilder()
            .add("name", "e2e-crashes-" + suffix)
            .add("events", Json.createArrayBuilder(List.of("bot.crashed", "bot.crash-loop")))
            .add("bots", Json.createArrayBuilder().add(bot))
            .add("channels", Json.createArrayBuilder().add(channel))
            .add("dedupWindow", "PT0S")
            .build();
    HttpJson.Answer ruled = ManagementApi.post(token, "/notifications/rules", rule.toString());
    assertThat(ruled.status()).as(ruled.text()).isEqualTo(201);
  }

  private static void start(String token, String bot) {
    HttpJson.Answer started = ManagementApi.post(token, "/bots/" + bot + "/start?wait=30s", null);
    assertThat(started.json().getString("status")).as(started.text()).isEqualTo("SUCCEEDED");
  }

  /** The first request answered 200 for this event (and this delivery, if given); 60 s at most. */
  private static HttpReceiver.Received awaitDelivered(
      HttpReceiver receiver, String event, Optional<String> delivery) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Optional<HttpReceiver.Received> found =
          receiver.received().stream()
              .filter(r -> r.status() == 200)
              .filter(r -> event.equals(body(r).getString("event")))
              .filter(r -> delivery.map(r.header("X-Multibot-Delivery")::equals).orElse(true))
              .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no " + event + " delivered; received " + receiver.received());
  }

  private static HttpReceiver.Received awaitFailing(HttpReceiver receiver)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      Optional<HttpReceiver.Received> found =
          receiver.received().stream().filter(r -> r.status() == 503).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no delivery attempt while the receiver failed");
  }

  private static JsonObject body(HttpReceiver.Received request) {
    return Json.createReader(new StringReader(request.body())).readObject();
  }

  private static void assertSigned(HttpReceiver.Received request) {
    String timestamp = request.header("X-Multibot-Timestamp");
    assertThat(request.header("X-Multibot-Signature"))
        .isEqualTo(
            "sha256=" + HttpReceiver.hmacSha256Hex(SIGNING, timestamp + "." + request.body()));
  }

  private static void report(String line) throws java.io.IOException {
    Files.writeString(
        Path.of("target", "notification-latency.txt"),
        Instant.now() + " " + line + System.lineSeparator(),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}

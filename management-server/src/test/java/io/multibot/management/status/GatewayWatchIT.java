package io.multibot.management.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.testing.HttpReceiver;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Gateway heartbeats as the gateways write them (the server's Redis, its stream prefix): a gateway
 * whose last beat is old and one that vanished from the live set are each told once as {@code
 * gateway.lost} (audited as the system), and one that left cleanly is not told about.
 */
class GatewayWatchIT {

  private final Api admin = Api.asAdmin();
  private final HttpReceiver receiver = new HttpReceiver();
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private final StreamNames names =
      new StreamNames(System.getProperty("it.stream.prefix", "mgmt-it-derby"), 16);
  private final RedisConnection redis =
      new RedisConnection(System.getProperty("it.redis.url"), Duration.ofSeconds(2));

  GatewayWatchIT() throws java.io.IOException {}

  @AfterEach
  void close() {
    receiver.close();
    redis.close();
  }

  @Test
  void staleAndVanishedGatewaysAreToldOnceAndOneThatLeftIsNot() throws Exception {
    String rule = notifyLosses();
    String stale = "gw-stale-" + suffix;
    String vanished = "gw-vanished-" + suffix;
    String left = "gw-left-" + suffix;
    long now = System.currentTimeMillis();
    redis.client().zadd(names.gateways(), now - 60_000, stale);
    redis.client().zadd(names.gateways(), now, vanished);
    redis.client().zadd(names.gateways(), now, left);
    Thread.sleep(2_000);
    redis.client().zrem(names.gateways(), vanished);
    redis.client().set(names.gatewayLeft(left), String.valueOf(now));
    redis.client().zrem(names.gateways(), left);

    admin.await(
        "/notifications/deliveries?rule=" + rule,
        page -> subjects(page).containsAll(List.of("gateway " + stale, "gateway " + vanished)));
    Thread.sleep(2_000);

    List<String> told = subjects(admin.get("/notifications/deliveries?rule=" + rule).json());
    assertThat(told)
        .as("each lost gateway once, the one that left not at all")
        .containsExactlyInAnyOrder("gateway " + stale, "gateway " + vanished);
    JsonObject audit =
        admin
            .get(
                "/audit?action=gateway.lost&target="
                    + URLEncoder.encode("gateway " + stale, StandardCharsets.UTF_8))
            .json();
    assertThat(audit.getInt("totalItems")).isEqualTo(1);
    assertThat(audit.getJsonArray("items").getJsonObject(0).getString("username"))
        .isEqualTo("system");
    assertThat(redis.client().zscore(names.gateways(), stale))
        .as("dropped from the live set once told")
        .isNull();
  }

  private static List<String> subjects(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(d -> d.getString("subject"))
        .toList();
  }

  private String notifyLosses() {
    String channel = "gw-hook-" + suffix;
    io.multibot.common.testing.HttpJson.Answer created =
        admin.post(
            "/notifications/channels",
            Json.createObjectBuilder()
                .add("name", channel)
                .add("type", "slack")
                .add("secrets", Json.createObjectBuilder().add("url", receiver.url("/gateways")))
                .build()
                .toString());
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    String rule = "gateways-" + suffix;
    io.multibot.common.testing.HttpJson.Answer ruled =
        admin.post(
            "/notifications/rules",
            Json.createObjectBuilder()
                .add("name", rule)
                .add("events", Json.createArrayBuilder().add("gateway.lost"))
                .add("channels", Json.createArrayBuilder().add(channel))
                .add("dedupWindow", "PT0S")
                .build()
                .toString());
    assertThat(ruled.status()).as(ruled.text()).isEqualTo(201);
    return rule;
  }
}

package io.multibot.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.redis.RedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class RedisReadinessCheckTest {

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void isDownAndNamesTheUrlWhenNothingListens() throws IOException {
    int port = closedPort();
    try (RedisConnection redis =
        new RedisConnection("redis://app:hunter2@127.0.0.1:" + port, Duration.ofMillis(500))) {
      HealthCheckResponse response = new RedisReadinessCheck(redis).call();

      assertThat(response.getName()).isEqualTo("redis");
      assertThat(response.getStatus()).isEqualTo(Status.DOWN);
      assertThat(response.getData().orElseThrow())
          .containsEntry("REDIS_URL", "redis://app:***@127.0.0.1:" + port + "/0")
          .containsKey("error");
      assertThat(response.getData().orElseThrow().values().toString()).doesNotContain("hunter2");
    }
  }

  @Test
  void isDownWithTheReasonWhenTheUrlIsMalformed() {
    try (RedisConnection redis = new RedisConnection("localhost:6379", Duration.ofMillis(500))) {
      HealthCheckResponse response = new RedisReadinessCheck(redis).call();

      assertThat(response.getStatus()).isEqualTo(Status.DOWN);
      assertThat(response.getData().orElseThrow())
          .containsEntry("REDIS_URL", "(malformed)")
          .hasEntrySatisfying(
              "error", error -> assertThat(error.toString()).startsWith("REDIS_URL is malformed"));
    }
  }

  @Test
  void startupIsDownOnlyForAMalformedUrl() throws IOException {
    try (RedisConnection malformed = new RedisConnection("nope", Duration.ofMillis(500));
        RedisConnection unreachable =
            new RedisConnection("redis://127.0.0.1:" + closedPort(), Duration.ofMillis(500))) {
      assertThat(new ConfigurationStartupCheck(malformed).call().getStatus())
          .isEqualTo(Status.DOWN);
      assertThat(new ConfigurationStartupCheck(unreachable).call().getStatus())
          .isEqualTo(Status.UP);
    }
  }
}

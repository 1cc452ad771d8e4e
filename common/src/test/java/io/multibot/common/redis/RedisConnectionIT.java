package io.multibot.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.health.RedisReadinessCheck;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

/** Against the real Redis named by the {@code it.redis.url} system property. */
class RedisConnectionIT {

  private static final String URL = System.getProperty("it.redis.url", "redis://127.0.0.1:6379");

  @Test
  void pingsAndSharesOneClient() {
    try (RedisConnection redis = new RedisConnection(URL, Duration.ofSeconds(2))) {
      assertThat(redis.ping()).isEqualTo("PONG");
      assertThat(redis.client()).isSameAs(redis.client());
      assertThat(new RedisReadinessCheck(redis).call().getStatus()).isEqualTo(Status.UP);
    }
  }

  @Test
  void selectsTheDatabaseFromTheUrl() {
    String key = "multibot:it:" + UUID.randomUUID();
    try (RedisConnection db0 = new RedisConnection(URL + "/0", Duration.ofSeconds(2));
        RedisConnection db5 = new RedisConnection(URL + "/5", Duration.ofSeconds(2))) {
      db5.client().setex(key, 30, "five");

      assertThat(db5.client().get(key)).isEqualTo("five");
      assertThat(db0.client().get(key)).isNull();
      db5.client().del(key);
    }
  }

  @Test
  void refusesCommandsWhenTheUrlIsMalformed() {
    try (RedisConnection redis = new RedisConnection("tcp://x", Duration.ofSeconds(1))) {
      assertThatThrownBy(redis::client)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("REDIS_URL is malformed");
    }
  }

  @Test
  void closedConnectionReconnectsOnNextUse() {
    RedisConnection redis = new RedisConnection(URL, Duration.ofSeconds(2));
    redis.ping();
    redis.close();

    assertThat(redis.ping()).isEqualTo("PONG");
    redis.close();
  }
}

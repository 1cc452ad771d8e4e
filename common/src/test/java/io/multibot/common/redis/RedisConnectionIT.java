package io.multibot.common.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.health.RedisReadinessCheck;
import io.multibot.common.testing.RedisServers;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

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
  void recoversOnceRedisComesBack() throws Exception {
    int port = RedisServers.freePort();
    try (RedisConnection redis =
        new RedisConnection("redis://127.0.0.1:" + port, Duration.ofMillis(500))) {
      assertThat(new RedisReadinessCheck(redis).call().getStatus()).isEqualTo(Status.DOWN);

      Process server = RedisServers.start(port);
      try {
        awaitPong(redis, Duration.ofSeconds(10));
        assertThat(new RedisReadinessCheck(redis).call().getStatus()).isEqualTo(Status.UP);
      } finally {
        server.destroy();
        server.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private static void awaitPong(RedisConnection redis, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      try {
        if ("PONG".equals(redis.ping())) {
          return;
        }
      } catch (JedisConnectionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      Thread.sleep(100);
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

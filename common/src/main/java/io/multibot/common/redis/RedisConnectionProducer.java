package io.multibot.common.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes one {@link RedisConnection} per application from {@code redis.url} ({@code REDIS_URL}). */
@ApplicationScoped
public class RedisConnectionProducer {

  @Produces
  @Singleton
  RedisConnection redisConnection(
      @ConfigProperty(name = "redis.url", defaultValue = "redis://localhost:6379") String url,
      @ConfigProperty(name = "redis.timeout", defaultValue = "PT2S") Duration timeout) {
    return new RedisConnection(url, timeout);
  }

  void close(@Disposes RedisConnection connection) {
    connection.close();
  }
}

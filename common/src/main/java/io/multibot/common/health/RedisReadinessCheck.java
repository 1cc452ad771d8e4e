package io.multibot.common.health;

import io.multibot.common.config.RedisUrl;
import io.multibot.common.redis.RedisConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Redis answers PING: every command and result travels through it. The response
 * names the {@code REDIS_URL} it tried (password hidden) and, when down, why.
 */
@Readiness
@Dependent
public class RedisReadinessCheck implements HealthCheck {

  private final RedisConnection redis;

  @Inject
  public RedisReadinessCheck(RedisConnection redis) {
    this.redis = redis;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("redis").up();
    response.withData(RedisUrl.VARIABLE, redis.url().map(RedisUrl::redacted).orElse("(malformed)"));
    if (redis.configurationError().isPresent()) {
      return response.down().withData("error", redis.configurationError().get()).build();
    }
    try {
      String answer = redis.ping();
      if (!"PONG".equals(answer)) {
        response.down().withData("error", "unexpected answer to PING: " + answer);
      }
    } catch (RuntimeException e) {
      response.down().withData("error", describe(e));
    }
    return response.build();
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + message;
  }
}

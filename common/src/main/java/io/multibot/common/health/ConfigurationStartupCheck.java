package io.multibot.common.health;

import io.multibot.common.redis.RedisConnection;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the configuration is usable. A malformed {@code REDIS_URL} keeps the server from
 * ever counting as started, so an orchestrator reports it instead of routing traffic to it.
 */
@Startup
@Dependent
public class ConfigurationStartupCheck implements HealthCheck {

  private final RedisConnection redis;

  @Inject
  public ConfigurationStartupCheck(RedisConnection redis) {
    this.redis = redis;
  }

  @Override
  public HealthCheckResponse call() {
    return redis
        .configurationError()
        .map(error -> HealthCheckResponse.named("configuration").down().withData("error", error))
        .orElseGet(() -> HealthCheckResponse.named("configuration").up())
        .build();
  }
}

package io.multibot.management.platform.health;

import io.multibot.management.platform.redis.RedisEpoch;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while Redis has lost data since this replica published to it, and that is not healed
 * yet ({@link RedisEpoch}): commands in flight are being put back and nothing new may be published
 * before them. Healing happens at the next publish or outbox sweep, so this is DOWN for seconds,
 * not for as long as nobody looks. When Redis cannot be asked at all, the Redis check says so; this
 * one stays UP.
 */
@Readiness
@Dependent
public class RedisDataReadinessCheck implements HealthCheck {

  private final RedisEpoch epoch;

  @Inject
  public RedisDataReadinessCheck(RedisEpoch epoch) {
    this.epoch = epoch;
  }

  @Override
  public HealthCheckResponse call() {
    boolean lost;
    try {
      lost = epoch.lostWhileRunning();
    } catch (RuntimeException e) {
      // Redis unreachable or not configured: the Redis readiness check reports that
      lost = false;
    }
    return HealthCheckResponse.named("commands-redis-data")
        .status(!lost)
        .withData("healing", lost)
        .build();
  }
}

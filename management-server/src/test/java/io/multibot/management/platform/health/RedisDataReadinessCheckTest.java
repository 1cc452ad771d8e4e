package io.multibot.management.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.management.platform.redis.RedisEpoch;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class RedisDataReadinessCheckTest {

  private static RedisDataReadinessCheck checkWith(RuntimeException failure, boolean lost) {
    return new RedisDataReadinessCheck(
        new RedisEpoch() {
          @Override
          public boolean lostWhileRunning() {
            if (failure != null) {
              throw failure;
            }
            return lost;
          }
        });
  }

  @Test
  void isDownWhileALossOfRedisDataIsNotHealed() {
    assertThat(checkWith(null, true).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(checkWith(null, false).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void leavesAnUnreachableRedisToTheRedisCheck() {
    var down = new redis.clients.jedis.exceptions.JedisConnectionException("refused");
    assertThat(checkWith(down, true).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }
}

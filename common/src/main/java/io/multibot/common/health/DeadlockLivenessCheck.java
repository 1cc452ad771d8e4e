package io.multibot.common.health;

import jakarta.enterprise.context.Dependent;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless threads are deadlocked: the one state a restart cures and waiting never does. Slow
 * dependencies belong to readiness, not here, or an outage of Redis would restart every pod.
 */
@Liveness
@Dependent
public class DeadlockLivenessCheck implements HealthCheck {

  private final Supplier<long[]> deadlockedThreads;

  public DeadlockLivenessCheck() {
    this(ManagementFactory.getThreadMXBean()::findDeadlockedThreads);
  }

  DeadlockLivenessCheck(Supplier<long[]> deadlockedThreads) {
    this.deadlockedThreads = deadlockedThreads;
  }

  @Override
  public HealthCheckResponse call() {
    long[] deadlocked = deadlockedThreads.get();
    int count = deadlocked == null ? 0 : deadlocked.length;
    return HealthCheckResponse.named("threads")
        .status(count == 0)
        .withData("deadlocked", count)
        .build();
  }
}

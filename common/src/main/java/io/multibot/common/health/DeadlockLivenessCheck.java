package io.multibot.common.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live unless threads are deadlocked: the one state a restart cures and waiting never does. Slow
 * dependencies belong to readiness, not here, or an outage of Redis would restart every pod.
 *
 * <p>The deadlock scan walks every thread's locks (it cost four times a Redis and database check
 * per probe), so its answer is kept for {@link #FRESH}: one probe scans, the others in that time
 * answer from the last scan. A deadlock never clears by itself, so an answer a few seconds old is
 * as true as a new one; a liveness probe period is 10 s or more.
 */
@Liveness
@ApplicationScoped
public class DeadlockLivenessCheck implements HealthCheck {

  static final Duration FRESH = Duration.ofSeconds(5);

  private final Supplier<long[]> deadlockedThreads;
  private final LongSupplier nanoTime;
  private final Duration fresh;
  private Scan last;

  public DeadlockLivenessCheck() {
    this(ManagementFactory.getThreadMXBean()::findDeadlockedThreads, System::nanoTime, FRESH);
  }

  DeadlockLivenessCheck(Supplier<long[]> deadlockedThreads, LongSupplier nanoTime, Duration fresh) {
    this.deadlockedThreads = deadlockedThreads;
    this.nanoTime = nanoTime;
    this.fresh = fresh;
  }

  @Override
  public HealthCheckResponse call() {
    int count = deadlocked();
    return HealthCheckResponse.named("threads")
        .status(count == 0)
        .withData("deadlocked", count)
        .build();
  }

  private synchronized int deadlocked() {
    long now = nanoTime.getAsLong();
    if (last == null || now - last.at() >= fresh.toNanos()) {
      long[] threads = deadlockedThreads.get();
      last = new Scan(threads == null ? 0 : threads.length, now);
    }
    return last.count();
  }

  private record Scan(int count, long at) {}
}

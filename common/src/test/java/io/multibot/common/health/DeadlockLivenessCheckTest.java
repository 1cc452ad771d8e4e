package io.multibot.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class DeadlockLivenessCheckTest {

  @Test
  void isLiveWhileNoThreadIsDeadlocked() {
    DeadlockLivenessCheck check =
        new DeadlockLivenessCheck(() -> null, System::nanoTime, DeadlockLivenessCheck.FRESH);

    assertThat(check.call().getStatus()).isEqualTo(Status.UP);
    assertThat(check.call().getData().orElseThrow()).containsEntry("deadlocked", 0L);
  }

  @Test
  void isNotLiveOnceTwoThreadsDeadlock() throws InterruptedException {
    ReentrantLock first = new ReentrantLock();
    ReentrantLock second = new ReentrantLock();
    CountDownLatch bothHoldOne = new CountDownLatch(2);
    startDaemon(first, second, bothHoldOne);
    startDaemon(second, first, bothHoldOne);
    assertThat(bothHoldOne.await(5, TimeUnit.SECONDS)).isTrue();

    DeadlockLivenessCheck check =
        new DeadlockLivenessCheck(
            ManagementFactory.getThreadMXBean()::findDeadlockedThreads,
            System::nanoTime,
            Duration.ZERO);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (check.call().getStatus() == Status.UP && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
    assertThat((Long) check.call().getData().orElseThrow().get("deadlocked"))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void scansAgainOnlyWhenTheLastScanIsNoLongerFresh() {
    AtomicInteger scans = new AtomicInteger();
    AtomicLong now = new AtomicLong();
    long[] found = {7, 8};
    DeadlockLivenessCheck check =
        new DeadlockLivenessCheck(
            () -> scans.incrementAndGet() == 1 ? null : found, now::get, Duration.ofSeconds(5));

    assertThat(check.call().getStatus()).isEqualTo(Status.UP);
    now.addAndGet(Duration.ofSeconds(4).toNanos());
    assertThat(check.call().getStatus()).as("answered from the first scan").isEqualTo(Status.UP);
    assertThat(scans).hasValue(1);

    now.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
    assertThat(check.call().getData().orElseThrow()).containsEntry("deadlocked", 2L);
    assertThat(scans).hasValue(2);
  }

  private static void startDaemon(ReentrantLock mine, ReentrantLock theirs, CountDownLatch ready) {
    Thread thread =
        new Thread(
            () -> {
              mine.lock();
              ready.countDown();
              awaitQuietly(ready);
              theirs.lock();
            },
            "deadlock-" + System.identityHashCode(mine));
    thread.setDaemon(true);
    thread.start();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.multibot.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class DeadlockLivenessCheckTest {

  @Test
  void isLiveWhileNoThreadIsDeadlocked() {
    DeadlockLivenessCheck check = new DeadlockLivenessCheck(() -> null);

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

    DeadlockLivenessCheck check = new DeadlockLivenessCheck();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (check.call().getStatus() == Status.UP && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }

    assertThat(check.call().getStatus()).isEqualTo(Status.DOWN);
    assertThat((Long) check.call().getData().orElseThrow().get("deadlocked"))
        .isGreaterThanOrEqualTo(2);
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

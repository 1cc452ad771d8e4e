package io.multibot.management.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ?wait=}: woken by the result listener's signal, never losing one, never left hanging. The
 * fallback look is an hour in the signal tests, so only the signal can end those waits in time.
 */
class CommandWaiterTest {

  private static final Duration NEVER = Duration.ofHours(1);

  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final AtomicReference<CommandView> stored = new AtomicReference<>(view("c1", null));
  private final AtomicInteger looks = new AtomicInteger();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private CommandWaiter waiter(Duration fallback) {
    return new CommandWaiter(
        id -> {
          looks.incrementAndGet();
          return Optional.ofNullable(stored.get());
        },
        timer,
        fallback);
  }

  @Test
  void theSignalEndsTheWaitWithTheStoredOutcome() throws Exception {
    CommandWaiter waiter = waiter(NEVER);
    CompletableFuture<CommandView> answer =
        waiter.await(view("c1", null), Duration.ofSeconds(20)).toCompletableFuture();
    awaitLooks(1);
    assertThat(answer).isNotDone();

    stored.set(view("c1", Instant.parse("2026-12-03T10:00:00Z")));
    waiter.finished("c1");

    assertThat(answer.get(5, TimeUnit.SECONDS).finishedAt()).isNotNull();
    assertThat(waiter.waitedFor()).as("nothing left registered").isZero();
  }

  @Test
  void aFinishedWaitLeavesNoTimerBehind() throws Exception {
    CommandWaiter waiter = waiter(NEVER);
    for (int i = 0; i < 50; i++) {
      stored.set(view("c1", null));
      CompletableFuture<CommandView> answer =
          waiter.await(view("c1", null), Duration.ofHours(1)).toCompletableFuture();
      stored.set(view("c1", Instant.parse("2026-12-03T10:00:00Z")));
      waiter.finished("c1");
      answer.get(5, TimeUnit.SECONDS);
    }

    assertThat(waiter.timers()).as("no cancelled timer kept until its hour is up").isZero();
    assertThat(waiter.waitedFor()).isZero();
    waiter.stopTicks();
  }

  @Test
  void anOutcomeStoredBeforeTheWaitRegisteredIsSeenByItsFirstLook() throws Exception {
    CommandWaiter waiter = waiter(NEVER);
    stored.set(view("c1", Instant.parse("2026-12-03T10:00:00Z")));
    waiter.finished("c1");

    CommandView answer =
        waiter
            .await(view("c1", null), Duration.ofSeconds(20))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(answer.finishedAt()).isNotNull();
  }

  @Test
  void aSignalForAnotherCommandDoesNotEndTheWait() throws Exception {
    CommandWaiter waiter = waiter(NEVER);
    CompletableFuture<CommandView> answer =
        waiter.await(view("c1", null), Duration.ofMillis(300)).toCompletableFuture();
    awaitLooks(1);
    waiter.finished("c2");
    Thread.sleep(100);
    assertThat(answer).isNotDone();
    assertThat(answer.get(5, TimeUnit.SECONDS).finishedAt()).as("ended by the time").isNull();
  }

  @Test
  void theTimeRunningOutAnswersWithTheCommandAsItIsNow() throws Exception {
    CommandWaiter waiter = waiter(NEVER);
    stored.set(
        new CommandView(
            "c1",
            "b",
            "bot",
            "start",
            null,
            "RUNNING",
            null,
            null,
            "g",
            "u",
            false,
            null,
            Instant.EPOCH,
            Instant.EPOCH,
            null,
            Instant.EPOCH,
            null));

    CommandView answer =
        waiter
            .await(view("c1", null), Duration.ofMillis(200))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(answer.status()).isEqualTo("RUNNING");
    assertThat(waiter.waitedFor()).isZero();
  }

  @Test
  void withoutASignalTheFallbackLookFindsTheOutcome() throws Exception {
    CommandWaiter waiter = waiter(Duration.ofMillis(50));
    CompletableFuture<CommandView> answer =
        waiter.await(view("c1", null), Duration.ofSeconds(20)).toCompletableFuture();
    awaitLooks(2);
    stored.set(view("c1", Instant.parse("2026-12-03T10:00:00Z")));

    assertThat(answer.get(5, TimeUnit.SECONDS).finishedAt()).isNotNull();
  }

  @Test
  void aFailingLookAnswersWithTheAcceptedCommandInsteadOfHanging() throws Exception {
    CommandWaiter waiter =
        new CommandWaiter(
            id -> {
              throw new IllegalStateException("database down");
            },
            timer,
            NEVER);

    CommandView answer =
        waiter
            .await(view("c1", null), Duration.ofSeconds(20))
            .toCompletableFuture()
            .get(5, TimeUnit.SECONDS);

    assertThat(answer.status()).isEqualTo("ACCEPTED");
    assertThat(waiter.waitedFor()).isZero();
  }

  @Test
  void aCommandNotYetCommittedIsWaitedForNotGivenUpOn() throws Exception {
    stored.set(null);
    CommandWaiter waiter = waiter(NEVER);
    CompletableFuture<CommandView> answer =
        waiter.await(view("c1", null), Duration.ofSeconds(20)).toCompletableFuture();
    awaitLooks(1);
    assertThat(answer).as("the first look saw nothing").isNotDone();

    stored.set(view("c1", Instant.parse("2026-12-03T10:00:00Z")));
    waiter.finished("c1");

    assertThat(answer.get(5, TimeUnit.SECONDS).finishedAt()).isNotNull();
  }

  @Test
  void manyWaitsOnOneCommandAreAllWoken() throws Exception {
    CommandWaiter waiter = waiter(NEVER);
    CompletableFuture<CommandView> one =
        waiter.await(view("c1", null), Duration.ofSeconds(20)).toCompletableFuture();
    CompletableFuture<CommandView> two =
        waiter.await(view("c1", null), Duration.ofSeconds(20)).toCompletableFuture();
    awaitLooks(2);
    stored.set(view("c1", Instant.parse("2026-12-03T10:00:00Z")));
    waiter.finished("c1");

    assertThat(one.get(5, TimeUnit.SECONDS).finishedAt()).isNotNull();
    assertThat(two.get(5, TimeUnit.SECONDS).finishedAt()).isNotNull();
  }

  private void awaitLooks(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (looks.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(looks.get()).isGreaterThanOrEqualTo(count);
  }

  private static CommandView view(String id, Instant finishedAt) {
    return new CommandView(
        id,
        "b",
        "bot",
        "start",
        null,
        finishedAt == null ? "ACCEPTED" : "SUCCEEDED",
        null,
        null,
        null,
        "u",
        false,
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        null,
        null,
        finishedAt);
  }
}

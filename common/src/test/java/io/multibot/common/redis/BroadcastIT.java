package io.multibot.common.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;

/** Pub/sub hints between servers, against the real Redis of {@code it.redis.url}. */
class BroadcastIT {

  private static final String URL = System.getProperty("it.redis.url", "redis://127.0.0.1:6379");
  private static final ThreadFactory THREADS = Thread::new;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private static final Duration KEEP_ALIVE = Duration.ofMillis(300);

  private final String channel = "multibot-it:broadcast:" + UUID.randomUUID();
  private final List<String> first = new CopyOnWriteArrayList<>();
  private final List<String> second = new CopyOnWriteArrayList<>();
  private RedisConnection connection;
  private Broadcast one;
  private Broadcast two;

  @BeforeEach
  void connect() {
    connection = new RedisConnection(URL, Duration.ofSeconds(2));
    one = Broadcast.listen(THREADS, timer, connection, channel, first::add, KEEP_ALIVE);
    two = Broadcast.listen(THREADS, timer, connection, channel, second::add, KEEP_ALIVE);
  }

  @AfterEach
  void close() {
    one.close();
    two.close();
    timer.shutdownNow();
    connection.close();
  }

  @Test
  void everyListenerHearsEveryMessage() {
    awaitTrue(() -> one.subscribed() && two.subscribed());
    assertThat(Broadcast.publish(connection, channel, "a")).isEqualTo(2);
    Broadcast.publish(connection, channel, "b");
    awaitTrue(() -> first.size() == 2 && second.size() == 2);
    assertThat(first).containsExactly("a", "b");
    assertThat(second).containsExactly("a", "b");
  }

  @Test
  void aSubscriptionKilledByRedisIsMadeAgain() {
    awaitTrue(() -> one.subscribed() && two.subscribed());
    Object killed =
        connection.client().sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");
    assertThat((Long) killed).isGreaterThanOrEqualTo(2);
    awaitTrue(() -> Broadcast.publish(connection, channel, "again") >= 2);
    assertThat(one.subscriptions()).isGreaterThanOrEqualTo(2);
    awaitTrue(() -> first.contains("again") && second.contains("again"));
  }

  @Test
  void aClosedBroadcastHearsNothingMore() {
    awaitTrue(one::subscribed);
    one.close();
    awaitTrue(two::subscribed);
    Broadcast.publish(connection, channel, "late");
    awaitTrue(() -> second.contains("late"));
    assertThat(first).isEmpty();
  }

  @Test
  void pingsKeepAQuietSubscriptionPastItsReadTimeout() throws InterruptedException {
    awaitTrue(one::subscribed);
    Thread.sleep(KEEP_ALIVE.multipliedBy(10).toMillis());
    assertThat(one.subscribed()).isTrue();
    assertThat(one.subscriptions()).as("never broke on a read timeout").isEqualTo(1);
    Broadcast.publish(connection, channel, "still here");
    awaitTrue(() -> first.contains("still here"));
  }

  private static void awaitTrue(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}

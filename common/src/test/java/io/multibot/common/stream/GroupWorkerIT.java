package io.multibot.common.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.redis.RedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;

/** The one consumer-group loop of both servers, against the real Redis of {@code it.redis.url}. */
class GroupWorkerIT {

  private static final String URL = System.getProperty("it.redis.url", "redis://127.0.0.1:6379");
  private static final Duration BLOCK = Duration.ofMillis(100);

  private final String stream = "multibot-it:group-worker:" + UUID.randomUUID();
  private final List<String> handled = new CopyOnWriteArrayList<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private RedisConnection connection;
  private RedisClient redis;
  private Thread thread;

  @BeforeEach
  void connect() {
    connection = new RedisConnection(URL, Duration.ofSeconds(2));
    redis = connection.newClient(Duration.ofSeconds(3), 4);
  }

  @AfterEach
  void close() throws InterruptedException {
    running.set(false);
    if (thread != null) {
      thread.join(5_000);
    }
    redis.del(stream);
    redis.close();
    connection.close();
  }

  private String add(String name) {
    return redis.xadd(stream, XAddParams.xAddParams(), Map.of("name", name)).toString();
  }

  /** Another consumer that read an entry and died with it pending. */
  private void deadConsumerTakes(int count) {
    StreamGroup dead = new StreamGroup(redis, "g", "dead");
    dead.ensure(stream);
    assertThat(dead.readNew(stream, count, BLOCK)).hasSize(count);
  }

  private void start(boolean ordered, Duration claimIdle, GroupWorker.EntryHandler handler) {
    StreamGroup group = new StreamGroup(redis, "g", "live");
    run(
        new GroupWorker(
            group,
            stream,
            new GroupWorker.Settings(BLOCK, claimIdle, 10, ordered),
            handler,
            GroupWorker.Housekeeping.NONE));
  }

  private void startInBatches(
      java.util.function.Consumer<List<redis.clients.jedis.resps.StreamEntry>> batch,
      java.util.function.Consumer<redis.clients.jedis.resps.StreamEntry> single) {
    StreamGroup group = new StreamGroup(redis, "g", "live");
    run(
        new GroupWorker(
            group,
            stream,
            new GroupWorker.Settings(BLOCK, Duration.ofMinutes(1), 10, false),
            GroupWorker.ackingBatches(
                group, stream, batch, GroupWorker.acking(group, stream, single, 2)),
            GroupWorker.Housekeeping.NONE));
  }

  private void run(GroupWorker worker) {
    thread = new Thread(() -> worker.run(running::get));
    thread.start();
  }

  private static String name(redis.clients.jedis.resps.StreamEntry entry) {
    return entry.getFields().get("name");
  }

  /** Records and acknowledges each entry (as the gateway's command processor does). */
  private GroupWorker.EntryHandler recording() {
    StreamGroup acks = new StreamGroup(redis, "g", "live");
    return (entry, redelivered) -> {
      handled.add(entry.getFields().get("name") + (redelivered ? " (again)" : ""));
      acks.ack(stream, entry.getID());
    };
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(condition.getAsBoolean()).as("within 10 s").isTrue();
  }

  @Test
  void anOrderedStreamReadsNothingNewUntilItReclaimedWhatADeadConsumerHeld() throws Exception {
    add("first");
    deadConsumerTakes(1);
    add("second");
    long started = System.nanoTime();

    start(true, Duration.ofMillis(600), recording());
    await(() -> handled.size() == 2);

    assertThat(handled).containsExactly("first (again)", "second");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(500));
  }

  @Test
  void anUnorderedStreamDoesNotWaitForEntriesAnotherConsumerStillWorksOn() throws Exception {
    add("held");
    deadConsumerTakes(1);
    add("new");

    start(false, Duration.ofMinutes(1), recording());
    await(() -> handled.size() == 1);

    assertThat(handled).containsExactly("new");
    assertThat(redis.xpending(stream, "g").getTotal()).isEqualTo(1);
  }

  @Test
  void anAckingHandlerRetriesAFailingEntryThenDropsItSoItCannotBlockTheStream() throws Exception {
    String poison = add("poison");
    add("fine");
    StreamGroup group = new StreamGroup(redis, "g", "live");
    List<String> attempts = new CopyOnWriteArrayList<>();

    start(
        true,
        Duration.ofMinutes(1),
        GroupWorker.acking(
            group,
            stream,
            entry -> {
              attempts.add(entry.getFields().get("name"));
              if (entry.getID().equals(new StreamEntryID(poison))) {
                throw new IllegalArgumentException("cannot be applied");
              }
            },
            3));
    await(() -> attempts.contains("fine"));

    assertThat(attempts).containsExactly("poison", "poison", "poison", "fine");
    await(() -> redis.xpending(stream, "g").getTotal() == 0);
  }

  @Test
  void aBatchHandlerTakesARoundTogetherAndAcknowledgesItTogether() throws Exception {
    add("one");
    add("two");
    add("three");
    List<Integer> batches = new CopyOnWriteArrayList<>();

    startInBatches(
        entries -> {
          batches.add(entries.size());
          entries.forEach(entry -> handled.add(name(entry)));
        },
        entry -> handled.add(name(entry) + " alone"));
    await(() -> handled.size() == 3);

    assertThat(batches).containsExactly(3);
    assertThat(handled).containsExactly("one", "two", "three");
    await(() -> redis.xpending(stream, "g").getTotal() == 0);
  }

  /**
   * A batch that fails acknowledges nothing; its entries go one by one, so only the bad one is
   * retried (and dropped after its failures) and the others are handled once each.
   */
  @Test
  void aFailingBatchFallsBackToOneByOneSoOnlyTheBadEntryIsHeldBack() throws Exception {
    add("a");
    add("bad");
    add("c");
    List<String> alone = new CopyOnWriteArrayList<>();

    startInBatches(
        entries -> {
          if (entries.stream().anyMatch(entry -> "bad".equals(name(entry)))) {
            throw new IllegalStateException("the batch's transaction rolled back");
          }
          entries.forEach(entry -> handled.add(name(entry)));
        },
        entry -> {
          alone.add(name(entry));
          if ("bad".equals(name(entry))) {
            throw new IllegalArgumentException("cannot be applied");
          }
        });
    await(() -> alone.contains("c"));
    await(() -> redis.xpending(stream, "g").getTotal() == 0);

    assertThat(handled).isEmpty();
    assertThat(alone).containsExactly("a", "bad", "bad", "c");
  }
}

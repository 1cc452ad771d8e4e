package io.multibot.common.redis;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;

/**
 * A Redis pub/sub channel heard on a thread of its own: every message published on it goes to the
 * handler. Pub/sub is fire-and-forget (a message published while this side reconnects is lost), so
 * a broadcast is only ever a hint to look again sooner, never the record of anything: a user of it
 * must still find out by itself, only later. The subscription is kept alive by a ping every {@code
 * keepAlive} on the given timer (a connection that stops answering is dropped after three missed
 * pongs) and made again a second after it breaks, for as long as the broadcast is open.
 */
public final class Broadcast implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Broadcast.class.getName());
  private static final long RETRY_MILLIS = 1_000;

  private final RedisConnection redis;
  private final String channel;
  private final Consumer<String> handler;
  private final Duration keepAlive;
  private final Thread thread;
  private final AtomicInteger subscriptions = new AtomicInteger();
  private volatile boolean running = true;
  private volatile Subscription current;
  private final AtomicReference<ScheduledFuture<?>> pings = new AtomicReference<>();

  private Broadcast(
      ThreadFactory threads,
      RedisConnection redis,
      String channel,
      Consumer<String> handler,
      Duration keepAlive) {
    this.redis = redis;
    this.channel = channel;
    this.handler = handler;
    this.keepAlive = keepAlive;
    this.thread = threads.newThread(this::listen);
    this.thread.setName("multibot-broadcast-" + channel);
    this.thread.setDaemon(true);
  }

  /** Starts listening to {@code channel}, pinging every {@code keepAlive} on {@code timer}. */
  public static Broadcast listen(
      ThreadFactory threads,
      ScheduledExecutorService timer,
      RedisConnection redis,
      String channel,
      Consumer<String> handler,
      Duration keepAlive) {
    Broadcast broadcast = new Broadcast(threads, redis, channel, handler, keepAlive);
    broadcast.thread.start();
    long period = keepAlive.toMillis();
    broadcast.pings.set(
        timer.scheduleWithFixedDelay(broadcast::keepAlive, period, period, TimeUnit.MILLISECONDS));
    return broadcast;
  }

  /** Publishes {@code message} to whoever listens now; returns how many did (0 if Redis failed). */
  public static long publish(RedisConnection redis, String channel, String message) {
    try {
      return redis.client().publish(channel, message);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "a broadcast was not sent", e);
      return 0;
    }
  }

  /** Whether the subscription is in place now. */
  public boolean subscribed() {
    Subscription subscription = current;
    return subscription != null && subscription.isSubscribed();
  }

  /** How many times the channel was subscribed to (1 unless the subscription broke). */
  public int subscriptions() {
    return subscriptions.get();
  }

  /** Pings the subscription so that a connection that died silently is noticed and replaced. */
  private void keepAlive() {
    Subscription subscription = current;
    if (subscription != null && subscription.isSubscribed()) {
      try {
        subscription.ping();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "a broadcast keep-alive failed", e);
      }
    }
  }

  private void listen() {
    while (running) {
      try (RedisClient client = redis.newClient(keepAlive.multipliedBy(3), 1)) {
        Subscription subscription = new Subscription();
        current = subscription;
        subscriptions.incrementAndGet();
        client.subscribe(subscription, channel);
      } catch (RuntimeException e) {
        if (running) {
          LOG.log(Level.FINE, "the broadcast subscription broke; subscribing again", e);
          pause();
        }
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(RETRY_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    ScheduledFuture<?> scheduled = pings.get();
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    Subscription subscription = current;
    if (subscription != null && subscription.isSubscribed()) {
      try {
        subscription.unsubscribe();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "unsubscribing failed", e);
      }
    }
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private final class Subscription extends JedisPubSub {
    @Override
    public void onMessage(String from, String message) {
      try {
        handler.accept(message);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a broadcast handler failed", e);
      }
    }
  }
}

package io.multibot.management.platform.redis;

import io.multibot.common.concurrent.Pause;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;

/**
 * One publisher per bot at a time, across every management replica: a Redis key per bot held with a
 * random token and a lifetime (a replica that dies holding it loses it when it expires). Holding it
 * while reading the bot's backlog, publishing and committing is what keeps the bot's commands in
 * order on its stream: a second publisher can only read the backlog after the first committed.
 */
@ApplicationScoped
public class PublishLocks {

  /**
   * Far longer than one backlog round (100 XADDs and a commit) takes; renewed before each round. A
   * replica that dies holding it delays its bot's next publish by at most this.
   */
  static final Duration LIFETIME = Duration.ofSeconds(10);

  private static final String RENEW =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then"
          + " return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

  private static final String RELEASE =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end"
          + " return 0";

  private final Streams streams;

  @Inject
  public PublishLocks(Streams streams) {
    this.streams = streams;
  }

  /** For CDI's proxy only. */
  protected PublishLocks() {
    this(null);
  }

  /** A held lock; closing it releases the lock if it is still this holder's. */
  public final class Held implements AutoCloseable {
    private final String key;
    private final String token;

    private Held(String key, String token) {
      this.key = key;
      this.token = token;
    }

    /** Extends the lock's life; false when it was lost (expired, and maybe taken by another). */
    public boolean renew() {
      Object renewed =
          streams
              .redis()
              .eval(RENEW, List.of(key), List.of(token, String.valueOf(LIFETIME.toMillis())));
      return Long.valueOf(1).equals(renewed);
    }

    @Override
    public void close() {
      streams.redis().eval(RELEASE, List.of(key), List.of(token));
    }
  }

  /** Takes the bot's lock, trying for up to {@code wait}; empty if another holder kept it. */
  public Optional<Held> acquire(String botId, Duration wait) {
    String key = streams.names().publishing(botId);
    String token = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + wait.toNanos();
    SetParams params = SetParams.setParams().nx().px(LIFETIME.toMillis());
    while (true) {
      if ("OK".equals(streams.redis().set(key, token, params))) {
        return Optional.of(new Held(key, token));
      }
      if (System.nanoTime() >= deadline || !Pause.sleep(Duration.ofMillis(10))) {
        return Optional.empty();
      }
    }
  }
}

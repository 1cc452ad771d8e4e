package io.multibot.common.redis;

import io.multibot.common.config.InvalidSettingException;
import io.multibot.common.config.RedisUrl;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;

/**
 * The server's pooled Redis client. It is created lazily, so a server starts while Redis is down
 * and its readiness says why; a malformed {@code REDIS_URL} is reported once and never retried.
 */
public final class RedisConnection implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(RedisConnection.class.getName());

  private final RedisUrl url;
  private final String configurationError;
  private final Duration timeout;
  private RedisClient client;

  public RedisConnection(String rawUrl, Duration timeout) {
    RedisUrl parsed = null;
    String error = null;
    try {
      parsed = RedisUrl.parse(rawUrl);
    } catch (InvalidSettingException e) {
      error = e.getMessage();
      LOG.log(Level.SEVERE, "multibot: {0}", error);
    }
    this.url = parsed;
    this.configurationError = error;
    this.timeout = timeout;
  }

  /** Where this connection points, if {@code REDIS_URL} could be parsed. */
  public Optional<RedisUrl> url() {
    return Optional.ofNullable(url);
  }

  /** Why {@code REDIS_URL} cannot be used, if it cannot. */
  public Optional<String> configurationError() {
    return Optional.ofNullable(configurationError);
  }

  /**
   * The shared client. Commands on it throw Jedis exceptions while Redis is unreachable.
   *
   * @throws IllegalStateException if {@code REDIS_URL} is malformed
   */
  public synchronized RedisClient client() {
    if (url == null) {
      throw new IllegalStateException(configurationError);
    }
    if (client == null) {
      client = build(timeout, 8);
    }
    return client;
  }

  /**
   * A client of its own for loops that block on Redis (stream reads): its socket timeout must be
   * longer than the block time, and its pool must hold a connection per blocking thread. The caller
   * closes it.
   */
  public RedisClient newClient(Duration socketTimeout, int poolSize) {
    if (url == null) {
      throw new IllegalStateException(configurationError);
    }
    return build(socketTimeout, poolSize);
  }

  private RedisClient build(Duration socketTimeout, int poolSize) {
    DefaultJedisClientConfig config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(Math.toIntExact(timeout.toMillis()))
            .socketTimeoutMillis(Math.toIntExact(socketTimeout.toMillis()))
            .user(url.user())
            .password(url.password())
            .database(url.database())
            .ssl(url.tls())
            .clientName("multibot")
            .build();
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(poolSize);
    pool.setMaxIdle(poolSize);
    return RedisClient.builder()
        .hostAndPort(url.host(), url.port())
        .clientConfig(config)
        .poolConfig(pool)
        .build();
  }

  /** Sends PING and returns Redis's answer; throws what Jedis throws when Redis is unreachable. */
  public String ping() {
    return client().ping();
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}

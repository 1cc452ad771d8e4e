package io.multibot.management.command;

import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;

/**
 * The command streams as management sees them: their names (prefix and partition count, the same as
 * the gateways') and the server's Redis client.
 */
@ApplicationScoped
public class CommandStreams {

  private final RedisConnection redis;
  private final StreamNames names;

  @Inject
  public CommandStreams(
      RedisConnection redis,
      @ConfigProperty(name = "multibot.stream.prefix", defaultValue = "multibot") String prefix,
      @ConfigProperty(name = "commands.partitions", defaultValue = "16") int partitions) {
    this.redis = redis;
    this.names = new StreamNames(prefix, partitions);
  }

  /** For CDI's proxy only. */
  protected CommandStreams() {
    this.redis = null;
    this.names = null;
  }

  public StreamNames names() {
    return names;
  }

  public RedisClient redis() {
    return redis.client();
  }

  /** A client of its own for a loop that blocks on the results stream. */
  public RedisClient blockingClient(java.time.Duration socketTimeout) {
    return redis.newClient(socketTimeout, 2);
  }

  public RedisConnection connection() {
    return redis;
  }
}

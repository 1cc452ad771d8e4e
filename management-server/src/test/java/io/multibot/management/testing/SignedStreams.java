package io.multibot.management.testing;

import io.multibot.common.redis.RedisConnection;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.params.XAddParams;

/**
 * The test server's streams (its prefix, Redis and key from the failsafe properties), for tests
 * that write entries as a gateway would: each entry is signed with the servers' stream key.
 */
public final class SignedStreams implements AutoCloseable {

  private final StreamSecurity security =
      StreamSecurity.fromBase64(System.getProperty("it.stream.key"));
  private final StreamNames names =
      new StreamNames(System.getProperty("it.stream.prefix", "mgmt-it-derby"), 16);
  private final RedisConnection connection =
      new RedisConnection(System.getProperty("it.redis.url"), Duration.ofSeconds(2));

  /** Adds a signed entry to the stream {@code stream} names (e.g. {@code StreamNames::results}). */
  public void add(Function<StreamNames, String> stream, Map<String, String> fields) {
    connection.client().xadd(stream.apply(names), XAddParams.xAddParams(), security.sign(fields));
  }

  @Override
  public void close() {
    connection.close();
  }
}

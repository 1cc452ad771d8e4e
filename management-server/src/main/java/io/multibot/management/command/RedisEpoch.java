package io.multibot.management.command;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import redis.clients.jedis.params.SetParams;

/**
 * Tells whether Redis lost its data: a marker key written once and never expired. Redis restarted
 * without persistence (our machines' default), or a failover that lost the tail, comes back without
 * it. Whoever finds it missing writes a new one and heals; the database stays the source of truth.
 */
@ApplicationScoped
public class RedisEpoch {

  private final CommandStreams streams;

  @Inject
  public RedisEpoch(CommandStreams streams) {
    this.streams = streams;
  }

  /** For CDI's proxy only. */
  protected RedisEpoch() {
    this(null);
  }

  /**
   * Whether the marker was missing, in which case this call wrote a new one and the caller must
   * heal. On the very first start there is nothing to heal, and healing finds nothing.
   */
  public boolean lost() {
    String key = streams.names().epoch();
    if (streams.redis().exists(key)) {
      return false;
    }
    return "OK"
        .equals(streams.redis().set(key, UUID.randomUUID().toString(), SetParams.setParams().nx()));
  }
}

package io.multibot.gateway.status;

import io.multibot.common.status.BotPoll;
import io.multibot.common.status.ProcessEvent;
import io.multibot.common.status.StatusMessage;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Puts status messages on the status stream, signed. Also the supervisor's listener: each process
 * event of a managed bot becomes an {@code event} message. A message lost while Redis is down is
 * not retried: the next poll says the same, newer.
 */
public final class StatusPublisher implements ProcessEvent.Listener {

  private static final Logger LOG = Logger.getLogger(StatusPublisher.class.getName());

  private final RedisClient redis;
  private final StreamNames names;
  private final StreamSecurity security;
  private final String instance;

  public StatusPublisher(
      RedisClient redis, StreamNames names, StreamSecurity security, String instance) {
    this.redis = redis;
    this.names = names;
    this.security = security;
    this.instance = instance;
  }

  void publish(String botId, Instant at, BotPoll poll) {
    publish(StatusMessage.poll(botId, instance, at, poll));
  }

  @Override
  public void on(ProcessEvent event) {
    publish(StatusMessage.event(instance, event));
  }

  private void publish(StatusMessage message) {
    try {
      redis.xadd(
          names.status(),
          XAddParams.xAddParams().maxLen(StreamNames.MAX_LENGTH).approximateTrimming(),
          security.sign(message.toFields()));
    } catch (JedisException e) {
      LOG.log(Level.FINE, "status of a bot not published: {0}", e.getMessage());
    }
  }
}

package io.multibot.gateway.status;

import io.multibot.common.status.StatusMessage;
import io.multibot.common.stream.StreamNames;
import io.multibot.common.stream.StreamSecurity;
import io.multibot.gateway.runtime.RuntimeEvent;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
public final class StatusPublisher implements RuntimeEvent.Listener {

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

  void publish(String botId, StatusMessage.Kind kind, Instant at, String body) {
    StatusMessage message = new StatusMessage(botId, kind, instance, at, body);
    try {
      redis.xadd(
          names.status(),
          XAddParams.xAddParams().maxLen(StreamNames.MAX_LENGTH).approximateTrimming(),
          security.sign(message.toFields()));
    } catch (JedisException e) {
      LOG.log(Level.FINE, "status of a bot not published: {0}", e.getMessage());
    }
  }

  @Override
  public void on(RuntimeEvent event) {
    JsonArrayBuilder lines = Json.createArrayBuilder();
    event.logLines().forEach(lines::add);
    JsonObjectBuilder body =
        Json.createObjectBuilder()
            .add("event", event.kind().name())
            .add("detail", event.detail())
            .add("log", lines);
    if (event.exitCode() != null) {
      body.add("exit_code", event.exitCode());
    }
    publish(event.botId(), StatusMessage.Kind.EVENT, event.at(), body.build().toString());
  }
}

package io.multibot.management.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweeper keeps going past a command, a bot or a query that fails. */
class OutboxSweeperTest {

  private final List<String> done = new ArrayList<>();

  /** Commands c-1 and c-3 expire; c-broken's bot is gone; the overdue query fails. */
  private final CommandService service =
      new CommandService() {
        @Override
        public List<String> botsWithUnpublished(Duration olderThan) {
          return List.of("bot-1", "bot-gone", "bot-3");
        }

        @Override
        public List<String> stale(Duration grace) {
          return List.of("c-1", "c-broken", "c-3");
        }

        @Override
        public boolean expire(String id) {
          if (id.equals("c-broken")) {
            throw new IllegalStateException("its bot was deleted");
          }
          return done.add("expired " + id);
        }

        @Override
        public List<String> overdue(Duration limit) {
          throw new IllegalStateException("database hiccup");
        }
      };

  /** Publishing bot-gone's backlog fails. */
  private final CommandPublisher publisher =
      new CommandPublisher() {
        @Override
        public int publishBacklog(String botId) {
          if (botId.equals("bot-gone")) {
            throw new IllegalStateException("no such bot");
          }
          done.add("published " + botId);
          return 1;
        }
      };

  /** Redis cannot be asked whether it lost data. */
  private final RedisRecovery recovery =
      new RedisRecovery() {
        @Override
        public synchronized List<String> healIfLost() {
          throw new redis.clients.jedis.exceptions.JedisConnectionException("Redis is down");
        }
      };

  @Test
  void oneBadCommandOrBotDoesNotStopTheRound() {
    new OutboxSweeper(service, publisher, recovery, Duration.ofSeconds(5), Duration.ofMinutes(15))
        .sweep();

    assertThat(done)
        .containsExactly("published bot-1", "published bot-3", "expired c-1", "expired c-3");
  }
}

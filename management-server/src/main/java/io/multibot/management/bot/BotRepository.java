package io.multibot.management.bot;

import java.util.List;
import java.util.Optional;

/** Where bots are kept. */
public interface BotRepository {

  Optional<Bot> findById(String id);

  Optional<Bot> findByName(String name);

  List<Bot> find(BotQuery query);

  /** Every bot, by name (for bulk commands over a fleet). */
  List<Bot> all();

  long count(BotQuery query);

  List<String> namesUsingStrategy(String strategyName);

  /** Stores a new bot and assigns its row version. */
  void add(Bot bot);

  /** Writes pending changes now, so the row version is current. */
  void flush();

  void remove(Bot bot);
}

package io.multibot.management.strategy;

import java.util.List;
import java.util.Optional;

/** Where strategies are kept. */
public interface StrategyRepository {

  Optional<Strategy> findByName(String name);

  Optional<StrategyVersion> findVersion(String name, int version);

  List<Strategy> list(int offset, int limit);

  long count();

  void add(Strategy strategy);

  void remove(Strategy strategy);

  /** Writes pending changes now, so the row version is current. */
  void flush();
}

package io.multibot.management.bot;

import io.multibot.management.strategy.StrategyUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Bots use strategies: a strategy some bot runs cannot be deleted. */
@ApplicationScoped
public class BotStrategyUsage implements StrategyUsage {

  private final BotRepository bots;

  @Inject
  public BotStrategyUsage(BotRepository bots) {
    this.bots = bots;
  }

  /** For CDI's proxy only. */
  protected BotStrategyUsage() {
    this(null);
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> usersOf(String strategyName) {
    return bots.namesUsingStrategy(strategyName).stream().map(name -> "bot " + name).toList();
  }
}

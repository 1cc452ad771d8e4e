package io.multibot.management.bot;

import io.multibot.common.status.BotState;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.strategy.JpaStrategyRepository;
import io.multibot.management.strategy.Strategy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** Test-only: drives the real repositories inside Liberty, one JTA transaction per call. */
@ApplicationScoped
@Transactional
public class BotRepositoryFixture {

  @Inject private JpaBotRepository bots;
  @Inject private JpaStrategyRepository strategies;

  @Resource(lookup = "jdbc/multibot")
  private DataSource dataSource;

  /** A strategy row with one version, created through the real entity. */
  public String storeStrategy(String name) {
    Strategy strategy = new Strategy(name, Instant.now());
    strategy.addVersion(
        io.multibot.management.strategy.StrategyTesting.source(
            "class " + name + "(IStrategy): pass"),
        "it",
        Instant.now());
    strategies.add(strategy);
    return name;
  }

  public String storeBot(String name, String strategy, String exchange, Set<String> tags) {
    Bot bot = new Bot(UUID.randomUUID().toString(), Instant.now());
    BotSettings settings =
        new BotSettings(
            new StrategyRef(strategy, null),
            exchange,
            "USDT",
            "10",
            1,
            "5m",
            true,
            "[\"BTC/USDT\"]",
            "{}");
    bot.describe(
        new BotDefinition(name, null, tags, settings, RunMode.MANAGED, "on-failure", null, null),
        Instant.now());
    bots.add(bot);
    return bot.getId();
  }

  public List<String> names(String tag, String exchange, String strategy, String sort) {
    BotQuery query =
        BotQuery.parse(tag, null, exchange, strategy, sort, PageRequest.parse("0", "50"));
    return bots.find(query).stream().map(Bot::getName).toList();
  }

  public long count(String tag, String exchange, String strategy) {
    return bots.count(
        BotQuery.parse(tag, null, exchange, strategy, null, PageRequest.parse("0", "50")));
  }

  public List<String> usersOf(String strategy) {
    return bots.namesUsingStrategy(strategy);
  }

  public void storeBotThenFail(String name, String strategy) {
    storeBot(name, strategy, "kraken", Set.of());
    throw new IllegalStateException("fails after the insert");
  }

  public boolean exists(String name) {
    return bots.findByName(name).isPresent();
  }

  /** The bot's summary as the fleet views read it (the projection). */
  public BotSummary summaryOf(String id) {
    return bots.summaries().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  /** Records a bot's observed state through the repository's bulk update. */
  public int recordLastKnownState(String botId, BotState state) {
    return bots.recordLastKnownState(botId, state);
  }

  /** Records bots' desired state through the repository's bulk update. */
  public int recordDesiredState(List<String> botIds, BotState state) {
    return bots.recordDesiredState(botIds, state);
  }

  /**
   * The SQL texts in Derby's statement cache (compiled statements), or an empty list on another
   * database, which has no such view.
   */
  public List<String> derbyStatementCache() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      if (!"Apache Derby".equals(connection.getMetaData().getDatabaseProductName())) {
        return List.of();
      }
      List<String> texts = new ArrayList<>();
      try (Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT SQL_TEXT FROM SYSCS_DIAG.STATEMENT_CACHE")) {
        while (rows.next()) {
          texts.add(rows.getString(1));
        }
      }
      return texts;
    }
  }
}

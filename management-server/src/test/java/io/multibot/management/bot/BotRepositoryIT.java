package io.multibot.management.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import io.multibot.common.status.BotState;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.persistence.BulkUpdates;
import io.multibot.management.platform.persistence.InstantConverter;
import io.multibot.management.strategy.JpaStrategyRepository;
import io.multibot.management.strategy.Strategy;
import io.multibot.management.strategy.StrategyRepository;
import io.multibot.management.strategy.StrategySource;
import io.multibot.management.strategy.StrategyTesting;
import io.multibot.management.strategy.StrategyVersion;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real bot and strategy repositories inside Liberty, on the tables the application's migrations
 * created: filters, sorting, counts and transaction boundaries. Runs on Derby and on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class BotRepositoryIT {

  @Inject private BotRepositoryFixture fixture;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.create(WebArchive.class, "bot-repository-it.war")
        .addClasses(
            Bot.class,
            BotSettings.class,
            BotSecrets.class,
            BotState.class,
            RunMode.class,
            StrategyRef.class,
            SecretName.class,
            BotDefinition.class,
            BotQuery.class,
            BotRepository.class,
            JpaBotRepository.class,
            BotSummary.class,
            BotRepositoryFixture.class)
        .addClasses(
            Strategy.class,
            StrategyVersion.class,
            StrategySource.class,
            StrategyRepository.class,
            JpaStrategyRepository.class,
            StrategyTesting.class)
        .addClasses(
            InstantConverter.class,
            BulkUpdates.class,
            PageRequest.class,
            ApiException.class,
            FieldError.class,
            ProblemType.class)
        .addAsResource("repository-it/persistence.xml", "META-INF/persistence.xml")
        .addAsWebInfResource("persistence-it/beans.xml", "beans.xml");
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void filtersByTagExchangeAndStrategyAndSorts() {
    String strategy = fixture.storeStrategy("Repo" + UUID.randomUUID().toString().replace("-", ""));
    String tag = unique("tag");
    fixture.storeBot(unique("a"), strategy, "kraken", Set.of(tag, "shared"));
    fixture.storeBot(unique("b"), strategy, "binance", Set.of(tag));

    List<String> byTag = fixture.names(tag, null, null, "-name");
    List<String> byStrategy = fixture.names(null, null, strategy, "name");

    assertEquals(2, byTag.size());
    assertTrue(byTag.get(0).compareTo(byTag.get(1)) > 0, byTag::toString);
    assertEquals(List.of(byTag.get(1), byTag.get(0)), byStrategy);
    assertEquals(1, fixture.count(tag, "binance", null));
    assertEquals(byStrategy, fixture.usersOf(strategy));
  }

  @Test
  void rollsBackABotWhoseTransactionFails() {
    String strategy = fixture.storeStrategy("Repo" + UUID.randomUUID().toString().replace("-", ""));
    String name = unique("doomed");

    assertThrows(RuntimeException.class, () -> fixture.storeBotThenFail(name, strategy));

    assertFalse(fixture.exists(name));
  }

  @Test
  void refusesUnknownSortFields() {
    ApiException refused =
        assertThrows(ApiException.class, () -> fixture.names(null, null, null, "secret"));

    assertEquals(ProblemType.VALIDATION_FAILED, refused.type());
  }

  /** The fleet views' projection says what the entity says, tags sorted, none for no tag. */
  @Test
  void summarisesBotsWithoutLoadingThem() {
    String strategy = fixture.storeStrategy("Repo" + UUID.randomUUID().toString().replace("-", ""));
    String tagged = fixture.storeBot(unique("s"), strategy, "kraken", Set.of("zeta", "alpha"));
    String bare = fixture.storeBot(unique("t"), strategy, "binance", Set.of());

    BotSummary summary = fixture.summaryOf(tagged);

    assertEquals(List.of("alpha", "zeta"), summary.tags());
    assertEquals("USDT", summary.stakeCurrency());
    assertEquals("kraken", summary.exchange());
    assertEquals(strategy, summary.strategy());
    assertEquals("managed", summary.runMode());
    assertTrue(summary.name().startsWith("s-"), summary::toString);
    assertEquals(List.of(), fixture.summaryOf(bare).tags());
  }

  /**
   * EclipseLink inlines a bulk update's values as SQL literals unless told to bind them, so each
   * bot id was a new statement for the database to compile (docs/performance.md). On Derby, the
   * statement cache shows the texts: the ids must not be in them.
   */
  @Test
  void bulkUpdatesBindTheirValuesInsteadOfWritingThemIntoTheStatement() throws Exception {
    String strategy = fixture.storeStrategy("Bind" + UUID.randomUUID().toString().replace("-", ""));
    String first = fixture.storeBot(unique("bind-a"), strategy, "binance", Set.of());
    String second = fixture.storeBot(unique("bind-b"), strategy, "binance", Set.of());

    assertEquals(1, fixture.recordLastKnownState(first, BotState.RUNNING));
    assertEquals(1, fixture.recordLastKnownState(second, BotState.PAUSED));
    assertEquals(0, fixture.recordLastKnownState(second, BotState.PAUSED));
    assertEquals(2, fixture.recordDesiredState(List.of(first, second), BotState.RUNNING));

    List<String> cached = fixture.derbyStatementCache();
    if (cached.isEmpty()) {
      return; // PostgreSQL has no such view; EclipseLink writes the same SQL text for both
    }
    List<String> updates =
        cached.stream().filter(text -> text.startsWith("UPDATE bot SET")).toList();
    assertFalse(updates.isEmpty(), "the updates ran: " + cached);
    for (String text : updates) {
      assertFalse(text.contains(first) || text.contains(second), text);
      assertFalse(text.contains("'RUNNING'") || text.contains("'PAUSED'"), text);
    }
  }
}

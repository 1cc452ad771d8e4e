package io.multibot.management.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.management.bot.BotService;
import io.multibot.management.bot.BotSummary;
import io.multibot.management.platform.persistence.AfterCommit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching, deduplication and quiet hours of raised alerts, with the queue in memory. */
class AlertsTest {

  private static final Instant NOON = Instant.parse("2026-12-04T12:00:00Z");
  private static final BotSummary ALPHA =
      new BotSummary("id-a", "alpha", List.of("prod"), "USDT", "binance", "S", "managed");

  private final List<NotificationRule> rules = new ArrayList<>();
  private final List<Delivery> queued = new ArrayList<>();
  private int wakes;
  private Instant now = NOON;

  private final NotificationStore store =
      new NotificationStore() {
        @Override
        List<NotificationRule> enabledRules() {
          return rules;
        }

        @Override
        Optional<Delivery> recent(String key, Instant since) {
          return queued.stream()
              .filter(d -> d.getDedupKey().equals(key) && !d.getCreatedAt().isBefore(since))
              .reduce((a, b) -> b);
        }

        @Override
        void add(Object entity) {
          queued.add((Delivery) entity);
        }
      };

  private final BotService bots =
      new BotService() {
        @Override
        public List<BotSummary> summaries(Collection<String> ids) {
          return ids.contains(ALPHA.id()) ? List.of(ALPHA) : List.of();
        }
      };

  private final DeliveryWorker worker =
      new DeliveryWorker() {
        @Override
        void wake() {
          wakes++;
        }
      };

  private Alerts alertsAt() {
    return new Alerts(store, bots, worker, new AfterCommit(), Clock.fixed(now, ZoneOffset.UTC));
  }

  private void rule(String name, Set<AlertType> events, QuietHours quiet, String... channels) {
    NotificationRule rule = new NotificationRule(name, NOON);
    rule.define(
        true,
        new RuleDefinition(
            events,
            List.of(),
            List.of("prod"),
            Severity.INFO,
            List.of(channels),
            Duration.ofMinutes(10),
            quiet,
            true,
            0),
        NOON);
    rules.add(rule);
  }

  private int raise(AlertType type) {
    return alertsAt().raise(Alert.of(type, ALPHA.id(), ALPHA.id(), "what happened", now));
  }

  @Test
  void oneDeliveryPerChannelOfEachMatchingRuleNamingTheBot() {
    rule("crashes", Set.of(AlertType.BOT_CRASHED), null, "slack", "mail");
    rule("failures", Set.of(AlertType.COMMAND_FAILED), null, "slack");

    assertThat(raise(AlertType.BOT_CRASHED)).isEqualTo(2);

    assertThat(queued).extracting(Delivery::getChannel).containsExactly("slack", "mail");
    assertThat(queued.get(0).getSubject()).isEqualTo("bot alpha");
    assertThat(queued.get(0).getNextAttemptAt()).isEqualTo(NOON);
    assertThat(wakes).isEqualTo(1);
  }

  @Test
  void theSameAlertWithinTheWindowIsCountedNotSentAgain() {
    rule("crashes", Set.of(AlertType.BOT_CRASHED), null, "slack");

    raise(AlertType.BOT_CRASHED);
    now = NOON.plus(Duration.ofMinutes(9));
    raise(AlertType.BOT_CRASHED);
    raise(AlertType.BOT_CRASHED);

    assertThat(queued).hasSize(1);
    assertThat(queued.get(0).getDuplicates()).isEqualTo(2);

    now = NOON.plus(Duration.ofMinutes(11));
    raise(AlertType.BOT_CRASHED);

    assertThat(queued).as("after the window, a new message").hasSize(2);
  }

  @Test
  void eachLosingTradeIsItsOwnNewsButTheSameTradeIsNot() {
    rule("losses", Set.of(AlertType.TRADE_CLOSED_WITH_LOSS), null, "slack");

    alertsAt().raise(loss("trade 5 BTC/USDT"));
    alertsAt().raise(loss("trade 6 ETH/USDT"));
    alertsAt().raise(loss("trade 6 ETH/USDT"));

    assertThat(queued)
        .extracting(Delivery::getSubject)
        .containsExactly("trade 5 BTC/USDT (bot alpha)", "trade 6 ETH/USDT (bot alpha)");
    assertThat(queued.get(1).getDuplicates()).isEqualTo(1);
  }

  private Alert loss(String subject) {
    return Alert.of(
        AlertType.TRADE_CLOSED_WITH_LOSS, ALPHA.id(), subject, "closed at -3 %", now, 3);
  }

  @Test
  void quietHoursHoldAllButCriticalAlertsUntilTheyEnd() {
    rule(
        "night",
        Set.of(AlertType.BOT_CRASHED, AlertType.BOT_CRASH_LOOP),
        new QuietHours(LocalTime.of(11, 0), LocalTime.of(14, 0), ZoneOffset.UTC),
        "slack");

    raise(AlertType.BOT_CRASHED);
    raise(AlertType.BOT_CRASH_LOOP);

    assertThat(queued.get(0).getNextAttemptAt()).isEqualTo(Instant.parse("2026-12-04T14:00:00Z"));
    assertThat(queued.get(1).getNextAttemptAt()).as("critical goes at once").isEqualTo(NOON);
  }

  @Test
  void withoutAMatchingRuleNothingIsQueuedOrWoken() {
    rule("failures", Set.of(AlertType.COMMAND_FAILED), null, "slack");

    assertThat(raise(AlertType.BOT_CRASHED)).isZero();
    assertThat(alertsAt().raise(Alert.of(AlertType.COMMAND_FAILED, "id-gone", "x", "t", now)))
        .as("a bot that no longer exists is out of a tag-scoped rule")
        .isZero();
    assertThat(queued).isEmpty();
    assertThat(wakes).isZero();
  }
}

package io.multibot.management.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.management.bot.BotSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleDefinitionTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");
  private static final BotSummary ALPHA =
      new BotSummary("id-a", "alpha", List.of("prod", "alts"), "USDT", "binance", "S", "managed");
  private static final BotSummary BETA =
      new BotSummary("id-b", "beta", List.of("demo"), "USDT", "binance", "S", "managed");

  private static RuleDefinition rule(
      Set<AlertType> events, List<String> bots, List<String> tags, Severity min, boolean resolved) {
    return new RuleDefinition(
        events, bots, tags, min, List.of("ch"), Duration.ofMinutes(10), null, resolved, 0);
  }

  private static Alert alert(AlertType type, BotSummary bot) {
    return Alert.of(type, bot == null ? null : bot.id(), "s", "t", AT);
  }

  @Test
  void aRuleWithoutBotsOrTagsCoversTheFleetAndAlertsAboutNoBot() {
    RuleDefinition fleet =
        rule(
            Set.of(AlertType.KILL_SWITCH_PULLED, AlertType.BOT_CRASHED),
            List.of(),
            List.of(),
            Severity.INFO,
            true);

    assertThat(fleet.matches(alert(AlertType.KILL_SWITCH_PULLED, null), null)).isTrue();
    assertThat(fleet.matches(alert(AlertType.BOT_CRASHED, BETA), BETA)).isTrue();
    assertThat(fleet.matches(alert(AlertType.COMMAND_FAILED, BETA), BETA))
        .as("a type the rule does not list")
        .isFalse();
  }

  @Test
  void aScopedRuleMatchesItsBotsByIdOrNameAndItsTagsOnly() {
    RuleDefinition byName =
        rule(Set.of(AlertType.BOT_CRASHED), List.of("alpha"), List.of(), Severity.INFO, true);
    RuleDefinition byId =
        rule(Set.of(AlertType.BOT_CRASHED), List.of("id-b"), List.of(), Severity.INFO, true);
    RuleDefinition byTag =
        rule(Set.of(AlertType.BOT_CRASHED), List.of(), List.of("alts"), Severity.INFO, true);

    assertThat(byName.matches(alert(AlertType.BOT_CRASHED, ALPHA), ALPHA)).isTrue();
    assertThat(byName.matches(alert(AlertType.BOT_CRASHED, BETA), BETA)).isFalse();
    assertThat(byId.matches(alert(AlertType.BOT_CRASHED, BETA), BETA)).isTrue();
    assertThat(byTag.matches(alert(AlertType.BOT_CRASHED, ALPHA), ALPHA)).isTrue();
    assertThat(byTag.matches(alert(AlertType.BOT_CRASHED, BETA), BETA)).isFalse();
    assertThat(byTag.matches(alert(AlertType.BOT_CRASHED, null), null))
        .as("a scoped rule never takes an alert about no bot")
        .isFalse();
  }

  @Test
  void theMinimumSeverityFiltersAndAResolutionIsJudgedByWhatItResolves() {
    Set<AlertType> offline = Set.of(AlertType.BOT_WENT_OFFLINE);
    RuleDefinition warnings = rule(offline, List.of(), List.of(), Severity.WARNING, true);
    RuleDefinition critical = rule(offline, List.of(), List.of(), Severity.CRITICAL, true);
    RuleDefinition noResolutions = rule(offline, List.of(), List.of(), Severity.INFO, false);

    assertThat(warnings.matches(alert(AlertType.BOT_WENT_OFFLINE, ALPHA), ALPHA)).isTrue();
    assertThat(warnings.matches(alert(AlertType.BOT_RECOVERED, ALPHA), ALPHA))
        .as("bot.recovered (info) resolves bot.went-offline (warning)")
        .isTrue();
    assertThat(critical.matches(alert(AlertType.BOT_WENT_OFFLINE, ALPHA), ALPHA)).isFalse();
    assertThat(critical.matches(alert(AlertType.BOT_RECOVERED, ALPHA), ALPHA)).isFalse();
    assertThat(noResolutions.matches(alert(AlertType.BOT_RECOVERED, ALPHA), ALPHA)).isFalse();
  }

  @Test
  void aLosingTradeCountsFromTheRulesLossPercentOn() {
    RuleDefinition fivePercent =
        new RuleDefinition(
            Set.of(AlertType.TRADE_CLOSED_WITH_LOSS, AlertType.BOT_CRASHED),
            List.of(),
            List.of(),
            Severity.INFO,
            List.of("ch"),
            Duration.ZERO,
            null,
            true,
            5);

    assertThat(fivePercent.matches(loss(4.99), ALPHA)).isFalse();
    assertThat(fivePercent.matches(loss(5), ALPHA)).isTrue();
    assertThat(fivePercent.matches(loss(12), ALPHA)).isTrue();
    assertThat(fivePercent.matches(alert(AlertType.BOT_CRASHED, ALPHA), ALPHA)).isTrue();
  }

  private static Alert loss(double percent) {
    return Alert.of(AlertType.TRADE_CLOSED_WITH_LOSS, ALPHA.id(), "trade 1", "t", AT, percent);
  }
}

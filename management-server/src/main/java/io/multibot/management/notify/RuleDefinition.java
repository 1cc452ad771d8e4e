package io.multibot.management.notify;

import io.multibot.management.bot.BotSummary;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a rule sends where: the alert types, a scope (bots by id or name, or tags; neither is the
 * whole fleet), the minimum severity, the channels, a deduplication window (the same alert about
 * the same subject on the same channel within it is counted on the message already queued, not sent
 * again; zero sends every one), quiet hours, whether resolutions are sent, and for {@code
 * trade.closed-with-loss} the smallest loss (percent of the stake) worth a message.
 */
record RuleDefinition(
    Set<AlertType> events,
    List<String> bots,
    List<String> tags,
    Severity minSeverity,
    List<String> channels,
    Duration dedupWindow,
    QuietHours quietHours,
    boolean sendResolved,
    double tradeLossPercent) {

  static final Duration DEFAULT_DEDUP = Duration.ofMinutes(10);

  RuleDefinition {
    events = Set.copyOf(events);
    bots = List.copyOf(bots);
    tags = List.copyOf(tags);
    channels = List.copyOf(channels);
  }

  /** Whether this rule sends {@code alert} about {@code bot} ({@code null}: no bot concerned). */
  boolean matches(Alert alert, BotSummary bot) {
    AlertType judged = judgedAs(alert.type());
    if (judged == null) {
      return false;
    }
    Severity severity = judged == alert.type() ? alert.severity() : judged.severity();
    return severity.compareTo(minSeverity) >= 0 && inScope(bot) && bigEnough(alert);
  }

  /** A losing trade counts from {@code tradeLossPercent} on; other alerts always. */
  private boolean bigEnough(Alert alert) {
    return alert.type() != AlertType.TRADE_CLOSED_WITH_LOSS
        || alert.value() == null
        || alert.value() >= tradeLossPercent;
  }

  /** The listed type this alert counts as: itself, or the one it resolves when resolutions go. */
  private AlertType judgedAs(AlertType type) {
    if (events.contains(type)) {
      return type;
    }
    return type.resolves().filter(r -> sendResolved && events.contains(r)).orElse(null);
  }

  private boolean inScope(BotSummary bot) {
    if (bots.isEmpty() && tags.isEmpty()) {
      return true;
    }
    if (bot == null) {
      return false;
    }
    return bots.contains(bot.id())
        || bots.contains(bot.name())
        || bot.tags().stream().anyMatch(tags::contains);
  }
}

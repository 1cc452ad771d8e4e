package io.multibot.management.status;

import io.multibot.common.status.BotPoll;
import io.multibot.management.bot.BotSummary;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/** A bot's live status as the API shows it. Figures are in the bot's stake currency. */
public record BotStatusView(
    String botId,
    String botName,
    String state,
    boolean reachable,
    int missedPolls,
    String managedState,
    String gateway,
    Instant lastPolledAt,
    Instant lastSeenAt,
    String lastError,
    String stakeCurrency,
    Integer openTrades,
    Integer maxOpenTrades,
    Double profitClosed,
    Double profitAll,
    Double balance,
    Integer winningTrades,
    Integer losingTrades,
    JsonObject lastEvent,
    Instant updatedAt) {

  static BotStatusView unknown(BotSummary bot) {
    return new BotStatusView(
        bot.id(),
        bot.name(),
        "unknown",
        false,
        0,
        null,
        null,
        null,
        null,
        null,
        bot.stakeCurrency(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static BotStatusView of(BotSummary bot, BotStatusRecord status) {
    BotPoll poll =
        status.getSnapshot() == null ? NOTHING : StatusSnapshots.poll(status.getSnapshot());
    Optional<BotPoll.Shown> shown = Optional.ofNullable(poll.shown());
    Optional<BotPoll.Profit> profit = Optional.ofNullable(poll.profit());
    return new BotStatusView(
        bot.id(),
        bot.name(),
        status.getState().wire(),
        status.isReachable(),
        status.getMissedPolls(),
        poll.managedState() == null ? null : poll.managedState().name(),
        status.getGateway(),
        status.getLastPolledAt(),
        status.getLastSeenAt(),
        status.getLastError(),
        status.getStakeCurrency() == null ? bot.stakeCurrency() : status.getStakeCurrency(),
        poll.openTrades() == null ? null : poll.openTrades().size(),
        shown.map(BotPoll.Shown::maxOpenTrades).orElse(null),
        profit.map(BotPoll.Profit::closed).orElse(null),
        profit.map(BotPoll.Profit::all).orElse(null),
        poll.balance() == null ? null : poll.balance().total(),
        profit.map(BotPoll.Profit::winning).orElse(null),
        profit.map(BotPoll.Profit::losing).orElse(null),
        status.getLastEvent() == null ? null : StatusSnapshots.object(status.getLastEvent()),
        status.getUpdatedAt());
  }

  private static final BotPoll NOTHING = BotPoll.unreachable(null, null);
}

package io.multibot.management.status;

import io.multibot.management.bot.BotSummary;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;

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
    JsonObject snapshot =
        status.getSnapshot() == null
            ? JsonValue.EMPTY_JSON_OBJECT
            : StatusService.parse(status.getSnapshot());
    JsonArray trades =
        snapshot.containsKey("open_trades") ? snapshot.getJsonArray("open_trades") : null;
    return new BotStatusView(
        bot.id(),
        bot.name(),
        status.getState(),
        status.isReachable(),
        status.getMissedPolls(),
        snapshot.getString("managed_state", null),
        status.getGateway(),
        status.getLastPolledAt(),
        status.getLastSeenAt(),
        status.getLastError(),
        status.getStakeCurrency() == null ? bot.stakeCurrency() : status.getStakeCurrency(),
        trades == null ? null : trades.size(),
        integer(snapshot, "max_open_trades"),
        StatusService.number(snapshot, "profit_closed"),
        StatusService.number(snapshot, "profit_all"),
        StatusService.number(snapshot, "balance"),
        integer(snapshot, "winning_trades"),
        integer(snapshot, "losing_trades"),
        status.getLastEvent() == null ? null : StatusService.parse(status.getLastEvent()),
        status.getUpdatedAt());
  }

  private static Integer integer(JsonObject json, String name) {
    Double value = StatusService.number(json, name);
    return value == null ? null : value.intValue();
  }
}

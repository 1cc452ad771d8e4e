package io.multibot.management.status;

import io.multibot.management.bot.BotSummary;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A bot's live status as the API shows it. Figures are in the bot's stake currency. */
public record BotStatusView(
    String botId,
    String botName,
    @Schema(description = "The bot's tags") List<String> tags,
    @Schema(description = "The bot's exchange") String exchange,
    @Schema(description = "The bot's strategy name") String strategy,
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
    @Schema(
            description =
                "Exits a managed bot's process made on its own (each followed by a restart when"
                    + " its policy says so), as its gateway reported them")
        int unexpectedExits,
    @Schema(
            description =
                "The last of those exits: event (EXITED or CRASHED), detail, exit_code and the log"
                    + " lines kept at the exit")
        JsonObject lastExit,
    Instant lastExitAt,
    Instant updatedAt) {

  static BotStatusView unknown(BotSummary bot) {
    return new BotStatusView(
        bot.id(),
        bot.name(),
        bot.tags(),
        bot.exchange(),
        bot.strategy(),
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
        0,
        null,
        null,
        null);
  }

  /** The view of a status row; reads its figure columns, not its snapshot. */
  static BotStatusView of(BotSummary bot, BotStatusRecord status) {
    PollFigures shown = status.figures();
    return new BotStatusView(
        bot.id(),
        bot.name(),
        bot.tags(),
        bot.exchange(),
        bot.strategy(),
        status.getState().wire(),
        status.isReachable(),
        status.getMissedPolls(),
        shown.managedState(),
        status.getGateway(),
        status.getLastPolledAt(),
        status.getLastSeenAt(),
        status.getLastError(),
        status.getStakeCurrency() == null ? bot.stakeCurrency() : status.getStakeCurrency(),
        shown.openTrades(),
        shown.maxOpenTrades(),
        shown.profitClosed(),
        shown.profitAll(),
        shown.balance(),
        shown.winningTrades(),
        shown.losingTrades(),
        status.getLastEvent() == null ? null : StatusSnapshots.object(status.getLastEvent()),
        status.getUnexpectedExits(),
        status.getLastExit() == null ? null : StatusSnapshots.object(status.getLastExit()),
        status.getLastExitAt(),
        status.getUpdatedAt());
  }
}

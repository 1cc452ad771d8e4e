package io.multibot.management.status;

import io.multibot.common.status.BotState;
import java.time.Instant;

/**
 * One bot's latest figures, for the risk guards: its state, how many polls in a row missed it, its
 * open trades and profit in its stake currency (null when it never answered), and since when its
 * bot last answered ({@code lastSeenAt}, null if never).
 */
public record BotFigures(
    String botId,
    String stakeCurrency,
    BotState state,
    int missedPolls,
    Integer openTrades,
    Double profitClosed,
    Double profitAll,
    Double balance,
    Instant lastSeenAt) {}

package io.multibot.management.command;

import io.multibot.common.command.CommandType;
import java.time.Duration;

/**
 * A validated command about to be stored: for which bot, what, by whom, and how long it may wait.
 */
public record NewCommand(
    String botId,
    String botName,
    CommandType type,
    String params,
    String issuedBy,
    String idempotencyKey,
    boolean priority,
    Duration expiresIn,
    String batchId) {}

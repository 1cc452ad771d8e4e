package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.FreqtradeResult;

/**
 * What a non-idempotent command looks for at the bot before it acts a second time (after a
 * redelivery, a recovery from a Redis loss, or a retry): whether its effect is already there.
 */
@FunctionalInterface
interface EffectCheck {

  /** What the bot said about the command's effect. */
  sealed interface Finding {}

  /** The effect (or its impossibility) is established: this is the command's outcome. */
  record Settled(Outcome outcome) implements Finding {}

  /** The effect is surely not there: acting is safe. */
  record Absent() implements Finding {}

  /** The bot could not be asked; the read's failure says why (and whether to try again). */
  record Unchecked(FreqtradeResult<?> read) implements Finding {}

  Finding check(CommandMessage command, BotEndpoint bot);
}

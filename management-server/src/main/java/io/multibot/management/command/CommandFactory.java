package io.multibot.management.command;

import io.multibot.management.bot.BotTarget;
import java.time.Clock;
import java.util.UUID;

/**
 * The one place a command is created, for a single request or as a batch member: ACCEPTED with a
 * new id when the gateways can reach its bot, REJECTED with {@link #UNREACHABLE} when they cannot
 * (a single request checks reachability first and answers a problem instead; a batch keeps the
 * rejected member so the operator sees which bot was left out).
 */
final class CommandFactory {

  static final String UNREACHABLE =
      "the bot has no API address and credentials yet, or its secrets cannot be read";

  /** Who asked: the user, and the Idempotency-Key of a single request ({@code null} otherwise). */
  record Issuer(String user, String idempotencyKey) {}

  private final Clock clock;

  CommandFactory(Clock clock) {
    this.clock = clock;
  }

  CommandRecord create(
      BotTarget bot,
      CommandRequestValidator.Valid order,
      boolean priority,
      Issuer by,
      String batchId) {
    NewCommand fresh =
        new NewCommand(
            bot.id(),
            bot.name(),
            order.type(),
            order.params(),
            by.user(),
            by.idempotencyKey(),
            priority,
            order.expiresIn(),
            batchId);
    CommandRecord command = new CommandRecord(fresh, UUID.randomUUID().toString(), clock.instant());
    if (!bot.reachable()) {
      command.reject(UNREACHABLE, clock.instant());
    }
    return command;
  }
}

package io.multibot.management.bot;

import io.multibot.common.command.CommandType;
import java.util.List;
import java.util.Optional;

/**
 * What the command feature needs of the bot registry: the bots a command is for (with what the
 * gateways need to reach them) and the lifecycle a command asks of them. {@link BotService}
 * implements it; the command use cases' unit tests use a map.
 */
public interface CommandTargets {

  /** The bot's target; 404 problem if there is no such bot. */
  BotTarget target(String idOrName);

  /** The target of a bot that may have been deleted meanwhile. */
  Optional<BotTarget> targetIfExists(String id);

  /** The bots a bulk command selects: all, those named (422 for an unknown one), or by tag. */
  List<BotTarget> targets(List<String> idsOrNames, List<String> tags, boolean all);

  /** The id of a bot named by id or name; 404 problem if there is no such bot. */
  String id(String idOrName);

  /** Records, in the accepting transaction, the state the command asks the bots to be in. */
  void commanded(List<String> botIds, CommandType type);
}

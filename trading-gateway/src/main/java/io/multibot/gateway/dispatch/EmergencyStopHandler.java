package io.multibot.gateway.dispatch;

import io.multibot.common.command.CommandMessage;
import io.multibot.gateway.bot.BotConfig;
import io.multibot.gateway.bot.BotEndpoint;
import io.multibot.gateway.bot.FreqtradeClient;
import io.multibot.gateway.bot.FreqtradeResult;

/**
 * The kill switch for one bot, in freqtrade's safe order: stop new entries (pause), exit every open
 * position when asked ({@code exit_positions}), then stop. A stopped bot cannot be paused nor exit
 * positions in freqtrade; for one that is already stopped only the stop is confirmed.
 */
final class EmergencyStopHandler implements CommandExecutor.Handler {

  private final FreqtradeClient client;

  EmergencyStopHandler(FreqtradeClient client) {
    this.client = client;
  }

  @Override
  public FreqtradeResult<?> run(CommandMessage command, BotEndpoint bot) {
    FreqtradeResult<BotConfig> config = client.showConfig(bot);
    if (!(config instanceof FreqtradeResult.Success<BotConfig> known)) {
      return config;
    }
    boolean stopped = "stopped".equals(known.value().state());
    if (!stopped) {
      FreqtradeResult<?> paused = client.pause(bot);
      if (!paused.isSuccess()) {
        return paused;
      }
      boolean exit = ForceEnterHandler.parse(command.params()).getBoolean("exit_positions", false);
      if (exit) {
        FreqtradeResult<?> exited = client.forceExit(bot, "all");
        if (!exited.isSuccess()) {
          return exited;
        }
      }
    }
    return client.stop(bot);
  }
}

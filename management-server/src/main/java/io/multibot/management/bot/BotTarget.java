package io.multibot.management.bot;

import io.multibot.common.command.LaunchSpec;
import java.util.Optional;

/**
 * What the command cycle needs of a bot: its id and name and, for external bots, the address and
 * the (decrypted) credentials of its API; for managed bots, what the gateway launches it with.
 * Never shown by the API.
 */
public record BotTarget(
    String id, String name, Optional<Address> address, Optional<LaunchSpec> launch) {

  /** Whether the command cycle can reach the bot: over its API, or through a gateway's launch. */
  public boolean reachable() {
    return address.isPresent() || launch.isPresent();
  }

  /** A bot's freqtrade API and its credentials. */
  public record Address(String url, String username, String password) {

    @Override
    public String toString() {
      return "Address[" + url + ", user=" + username + ", password=redacted]";
    }
  }
}

package io.multibot.management.bot;

import java.util.Optional;

/**
 * What the command cycle needs of a bot: its id and name and, for bots the gateway reaches over
 * their API, the address and the (decrypted) credentials. Never shown by the API.
 */
public record BotTarget(String id, String name, Optional<Address> address) {

  /** A bot's freqtrade API and its credentials. */
  public record Address(String url, String username, String password) {

    @Override
    public String toString() {
      return "Address[" + url + ", user=" + username + ", password=redacted]";
    }
  }
}

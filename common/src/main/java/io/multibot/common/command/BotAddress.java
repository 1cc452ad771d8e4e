package io.multibot.common.command;

/**
 * Where the gateway reaches a bot's freqtrade API: base URL, username, and the password encrypted
 * for the stream (never in plain text on Redis).
 */
public record BotAddress(String url, String username, String encryptedPassword) {

  @Override
  public String toString() {
    return "BotAddress[" + url + ", user=" + username + ", password=encrypted]";
  }
}

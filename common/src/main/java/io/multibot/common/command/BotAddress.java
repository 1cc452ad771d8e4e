package io.multibot.common.command;

/**
 * Where the gateway reaches a bot's freqtrade API: base URL, username, and the password encrypted
 * for the stream (never in plain text on Redis).
 */
public record BotAddress(String url, String username, String encryptedPassword) {

  /** As JSON (the password stays encrypted), for the external-bot directory in Redis. */
  public String toJson() {
    return io.multibot.common.json.Jsons.createObjectBuilder()
        .add("url", url)
        .add("user", username)
        .add("password", encryptedPassword)
        .build()
        .toString();
  }

  /** The address in this JSON, or empty when it is not one. */
  public static java.util.Optional<BotAddress> fromJson(String json) {
    try (jakarta.json.JsonReader reader =
        io.multibot.common.json.Jsons.createReader(new java.io.StringReader(json))) {
      jakarta.json.JsonObject object = reader.readObject();
      return java.util.Optional.of(
          new BotAddress(
              object.getString("url"), object.getString("user"), object.getString("password")));
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "BotAddress[" + url + ", user=" + username + ", password=encrypted]";
  }
}

package io.multibot.management.status;

import io.multibot.common.json.Jsons;
import io.multibot.common.status.BotPoll;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * Reads back what a status row stores as JSON: the last poll ({@code snapshot}, a {@link BotPoll}
 * as it came on the stream) and the last process event. A value that does not parse (a column cut
 * short, a hand edit) reads as an unreachable poll saying so, never as an exception in a view.
 */
final class StatusSnapshots {

  private static final String UNREADABLE = "unreadable";

  private StatusSnapshots() {}

  static BotPoll poll(String json) {
    return BotPoll.fromJson(object(json));
  }

  static JsonObject object(String json) {
    try (JsonReader reader = Jsons.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return Jsons.createObjectBuilder().add("reachable", false).add("error", UNREADABLE).build();
    }
  }
}

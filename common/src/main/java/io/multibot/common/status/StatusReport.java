package io.multibot.common.status;

import jakarta.json.JsonObject;

/** The body of a status message: a {@link BotPoll} or a {@link ProcessEvent}. */
public sealed interface StatusReport permits BotPoll, ProcessEvent {

  /** The body as it travels in the message's {@code body} field. */
  JsonObject toJson();
}

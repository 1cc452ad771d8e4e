package io.multibot.management.live;

import jakarta.json.JsonObject;

/**
 * One event for the console's live stream: its SSE event name ({@code status} or {@code command})
 * and its JSON data. Events carry what a viewer may see in the API anyway, never a secret or a
 * command's parameters.
 */
public record LiveEvent(String type, JsonObject data) {

  /** A bot's status was recorded: {@code data} is its new state and figures. */
  public static final String STATUS = "status";

  /** A command was accepted or moved on: {@code data} is its id, bot, type, status and batch. */
  public static final String COMMAND = "command";
}

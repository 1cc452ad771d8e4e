package io.multibot.management.command;

import io.multibot.common.json.Jsons;
import io.multibot.management.live.LiveEvent;
import io.multibot.management.live.LiveEvents;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;

/**
 * Turns every stored change of a command (accepted, dispatched, running, its outcome) into a {@code
 * command} live event, sent after the transaction commits ({@link LiveEvents}); the command's
 * parameters and result stay out of the stream (the console reads them from the API).
 */
public class CommandLiveListener {

  @PostPersist
  @PostUpdate
  void changed(CommandRecord command) {
    JsonObjectBuilder data =
        Jsons.createObjectBuilder()
            .add("id", command.getId())
            .add("botId", command.getBotId())
            .add("type", command.getType().wireName())
            .add("status", command.getStatus().name())
            .add("priority", command.isPriority());
    if (command.getBotName() != null) {
      data.add("botName", command.getBotName());
    }
    if (command.getBatchId() != null) {
      data.add("batchId", command.getBatchId());
    }
    if (command.getReason() != null) {
      data.add("reason", command.getReason());
    }
    LiveEvents.current().afterCommit(new LiveEvent(LiveEvent.COMMAND, data.build()));
  }
}

package io.multibot.common.status;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Something that happened to a managed bot's process, as its supervisor saw it. On the status
 * stream its body is {@code {"event", "detail", "log", "exit_code"?}}; the bot and the instant are
 * the message's own fields.
 *
 * @param exitCode the process's exit code, for exits; otherwise {@code null}
 * @param detail one line for people, such as "restart 1 in PT2S"
 * @param logLines the last log lines, for exits and crashes
 */
public record ProcessEvent(
    String botId, Kind kind, Integer exitCode, String detail, List<String> logLines, Instant at)
    implements StatusReport {

  public ProcessEvent {
    logLines = List.copyOf(logLines);
  }

  /** What happened. */
  public enum Kind {
    /** Launched and answering on its API. */
    STARTED,
    /** Exited on its own; restarted after a wait when its policy says so. */
    EXITED,
    /** Exited too often in a row: no more restarts. */
    CRASHED,
    /** Stopped because the gateway asked it to. */
    STOPPED,
    /**
     * Its entries were paused by the gateway's dead-man switch while Redis was unreachable;
     * published once Redis answers again. Managements that do not know it drop the event.
     */
    PAUSED
  }

  /** Receives the events of every managed bot; called from supervision threads. */
  @FunctionalInterface
  public interface Listener {
    void on(ProcessEvent event);
  }

  @Override
  public JsonObject toJson() {
    JsonArrayBuilder lines = Jsons.createArrayBuilder();
    logLines.forEach(lines::add);
    JsonObjectBuilder body =
        Jsons.createObjectBuilder()
            .add("event", kind.name())
            .add("detail", detail)
            .add("log", lines);
    if (exitCode != null) {
      body.add("exit_code", exitCode);
    }
    return body.build();
  }

  /** The event in a message body, or empty when the body does not name a known event. */
  static Optional<ProcessEvent> fromJson(String botId, Instant at, JsonObject body) {
    Kind kind = null;
    for (Kind candidate : Kind.values()) {
      if (candidate.name().equals(body.getString("event", ""))) {
        kind = candidate;
      }
    }
    if (kind == null) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    if (body.get("log") instanceof jakarta.json.JsonArray log) {
      for (JsonValue line : log) {
        if (line instanceof JsonString text) {
          lines.add(text.getString());
        }
      }
    }
    Integer code = body.get("exit_code") instanceof JsonNumber n ? n.intValue() : null;
    return Optional.of(
        new ProcessEvent(botId, kind, code, body.getString("detail", ""), lines, at));
  }
}

package io.multibot.management.command;

import io.multibot.common.command.CommandStatus;
import io.multibot.common.command.CommandType;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.QueryInstant;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A filtered page of commands, newest first: by bot, status, type and creation time; by number
 * ({@code page}) or after a cursor ({@code after}, then {@code page} must be absent).
 */
public record CommandQuery(
    String botId,
    CommandStatus status,
    CommandType type,
    Instant since,
    PageRequest page,
    CommandCursor after) {

  /** From the raw query parameters; {@code page} is refused beside {@code after}. */
  static CommandQuery parse(
      String botId,
      String status,
      String type,
      String since,
      String page,
      String size,
      String after) {
    CommandCursor cursor = CommandCursor.parse(after);
    if (cursor != null && blankToNull(page) != null) {
      throw invalid("page", "absent when after is given (a cursor says where the page starts)");
    }
    return new CommandQuery(
        blankToNull(botId),
        status(status),
        type(type),
        since(since),
        PageRequest.parse(page, size),
        cursor);
  }

  private static CommandStatus status(String raw) {
    if (blankToNull(raw) == null) {
      return null;
    }
    try {
      return CommandStatus.valueOf(raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid("status", "one of " + List.of(CommandStatus.values()));
    }
  }

  private static CommandType type(String raw) {
    if (blankToNull(raw) == null) {
      return null;
    }
    return CommandType.fromWire(raw).orElseThrow(() -> invalid("type", "an unknown command type"));
  }

  private static Instant since(String raw) {
    return QueryInstant.parse("since", raw);
  }

  private static String blankToNull(String raw) {
    return raw == null || raw.isBlank() ? null : raw;
  }

  private static ApiException invalid(String field, String expected) {
    return CommandProblems.invalid(List.of(new FieldError(field, "must be " + expected)));
  }
}

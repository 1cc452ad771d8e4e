package io.multibot.management.command;

import io.multibot.common.problem.FieldError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * Where a page of the command list ends: the last command's creation time and id, the list's order
 * ({@code created_at DESC, id DESC}, the index {@code ix_command_created}). The next page is every
 * command strictly after it in that order, so a command created while a client pages never shifts a
 * page and is never shown twice. Opaque to clients: URL-safe Base64 of {@code createdAt|id}.
 *
 * <p>Invariant: {@code createdAt} is stored in microseconds ({@link CommandRecord}), so the cursor
 * and the stored value compare equal; {@code CommandApiIT.pagesByCursorWithoutGapsOrRepeats} would
 * see a repeat if they did not.
 */
record CommandCursor(Instant createdAt, String id) {

  /** The {@code after} parameter, as the command lists document it. */
  static final String AFTER =
      "Start after this cursor (a page's nextCursor) instead of at a page number; the page then"
          + " has no totals";

  private static final int MAX_LENGTH = 200;

  static CommandCursor of(CommandRecord last) {
    return new CommandCursor(last.getCreatedAt(), last.getId());
  }

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in {@code raw}, or a 422 naming {@code after}; {@code null} when absent. */
  static CommandCursor parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      if (raw.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("too long");
      }
      String text = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.UTF_8);
      int bar = text.indexOf('|');
      String id = text.substring(bar + 1);
      if (bar < 0 || id.isEmpty()) {
        throw new IllegalArgumentException("no id");
      }
      return new CommandCursor(Instant.parse(text.substring(0, bar)), id);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw CommandProblems.invalid(
          List.of(new FieldError("after", "must be a nextCursor from an earlier page")));
    }
  }
}

package io.multibot.management.command;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;

/** The ways a command request is refused, each with the message a client sees. */
final class CommandProblems {

  private CommandProblems() {}

  static ApiException notFound(String id) {
    return new ApiException(ProblemType.NOT_FOUND, "There is no command '" + id + "'.");
  }

  static ApiException invalid(List<FieldError> errors) {
    return new ApiException(ProblemType.VALIDATION_FAILED, "The command is invalid.", errors);
  }

  static ApiException keyReused(String key) {
    return new ApiException(
        ProblemType.CONFLICT,
        "Idempotency-Key '" + key + "' was used for a different command; use a new key.");
  }

  static ApiException keyInUse(String key) {
    return new ApiException(
        ProblemType.CONFLICT,
        "A command with Idempotency-Key '"
            + key
            + "' is being created right now; repeat the"
            + " request to get it.");
  }

  static ApiException unreachable(String bot) {
    return new ApiException(
        ProblemType.CONFLICT,
        "Bot '"
            + bot
            + "' cannot be reached: an external bot needs its API URL, user and password;"
            + " a bot's secrets must be readable with the configured secrets key.");
  }
}

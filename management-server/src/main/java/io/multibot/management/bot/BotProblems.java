package io.multibot.management.bot;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;

/** The ways a bot request is refused, each with the message a client sees. */
final class BotProblems {

  private BotProblems() {}

  static ApiException notFound(String idOrName) {
    return new ApiException(ProblemType.NOT_FOUND, "There is no bot '" + idOrName + "'.");
  }

  static ApiException nameTaken(String name) {
    return new ApiException(ProblemType.CONFLICT, "A bot named '" + name + "' exists already.");
  }

  static ApiException running(String name) {
    return new ApiException(
        ProblemType.CONFLICT,
        "Bot '" + name + "' is meant to be running; stop it before deleting it.");
  }

  static ApiException unknownInSelector(String idOrName) {
    return new ApiException(
        ProblemType.VALIDATION_FAILED,
        "The selector names a bot that does not exist.",
        List.of(new FieldError("selector.bots", "names no bot '" + idOrName + "'")));
  }

  static ApiException invalid(String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION_FAILED,
        "The bot is invalid.",
        List.of(new FieldError(field, message)));
  }
}

package io.multibot.management.strategy;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;

/** The ways a strategy request is refused, each with the message a client sees. */
final class StrategyProblems {

  private StrategyProblems() {}

  static ApiException notFound(String name) {
    return new ApiException(ProblemType.NOT_FOUND, "There is no strategy named '" + name + "'.");
  }

  static ApiException versionNotFound(String name, int version) {
    return new ApiException(
        ProblemType.NOT_FOUND, "Strategy '" + name + "' has no version " + version + ".");
  }

  static ApiException alreadyExists(String name) {
    return new ApiException(
        ProblemType.CONFLICT,
        "A strategy named '" + name + "' exists already; update it to add a version.");
  }

  static ApiException inUse(String name, List<String> users) {
    return new ApiException(
        ProblemType.CONFLICT,
        "Strategy '"
            + name
            + "' is used by "
            + String.join(", ", users)
            + "; it cannot be deleted.");
  }

  static ApiException invalid(List<FieldError> errors) {
    return new ApiException(ProblemType.VALIDATION_FAILED, "The strategy is invalid.", errors);
  }
}

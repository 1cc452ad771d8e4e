package io.multibot.management.risk;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;

/** The ways a risk policy request is refused. */
final class RiskProblems {

  private RiskProblems() {}

  static ApiException notFound(String name) {
    return new ApiException(ProblemType.NOT_FOUND, "There is no risk policy '" + name + "'.");
  }

  static ApiException exists(String name) {
    return new ApiException(
        ProblemType.CONFLICT, "A risk policy named '" + name + "' exists already.");
  }

  static ApiException invalid(String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION_FAILED,
        "The risk policy is invalid.",
        List.of(new FieldError(field, message)));
  }
}

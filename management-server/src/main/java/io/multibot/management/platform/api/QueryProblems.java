package io.multibot.management.platform.api;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;

/** The 422 problem of a query parameter that cannot be used, naming it. */
public final class QueryProblems {

  private QueryProblems() {}

  public static ApiException invalid(String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION_FAILED,
        "The query is invalid.",
        List.of(new FieldError(field, message)));
  }
}

package io.multibot.management.auth;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;

/** The ways authentication and user requests are refused. */
final class AuthProblems {

  private AuthProblems() {}

  /** One answer for unknown user, wrong password and disabled user alike. */
  static ApiException badCredentials() {
    return new ApiException(ProblemType.UNAUTHORIZED, "Wrong username or password.");
  }

  static ApiException badRefreshToken() {
    return new ApiException(
        ProblemType.UNAUTHORIZED, "The refresh token is invalid, expired or revoked.");
  }

  static ApiException invalid(String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION_FAILED,
        "The request is invalid.",
        List.of(new FieldError(field, message)));
  }

  static ApiException userNotFound(String username) {
    return new ApiException(ProblemType.NOT_FOUND, "There is no user '" + username + "'.");
  }

  static ApiException userExists(String username) {
    return new ApiException(
        ProblemType.CONFLICT, "A user named '" + username + "' exists already.");
  }

  static ApiException lastAdmin() {
    return new ApiException(
        ProblemType.CONFLICT, "This is the last enabled admin; make another admin first.");
  }
}

package io.multibot.management.auth;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import java.util.List;
import java.util.Map;

/** The ways authentication and user requests are refused. */
final class AuthProblems {

  private AuthProblems() {}

  /** One answer for unknown user, wrong password and disabled user alike. */
  static ApiException badCredentials() {
    return new Unauthorized("Wrong username or password.");
  }

  static ApiException badRefreshToken() {
    return new Unauthorized("The refresh token is invalid, expired or revoked.");
  }

  /** A 401, with the challenge every 401 carries (RFC 9110, section 11.6.1). */
  private static final class Unauthorized extends ApiException {
    private static final long serialVersionUID = 1L;

    Unauthorized(String detail) {
      super(ProblemType.UNAUTHORIZED, detail);
    }

    @Override
    public Map<String, String> headers() {
      return Map.of("WWW-Authenticate", "Bearer realm=\"multibot\"");
    }
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

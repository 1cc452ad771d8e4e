package io.multibot.common.problem;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses for a reason the client can act on. Domain exceptions extend it with a
 * name that says what happened ({@code BotNotFound}); {@link ApiExceptionMapper} answers it.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemType type;
  private final transient List<FieldError> errors;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ApiException(ProblemType type, String detail, List<FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public ProblemType type() {
    return type;
  }

  /** Headers the answer carries besides the problem, such as {@code Retry-After}. */
  public Map<String, String> headers() {
    return Map.of();
  }

  public List<FieldError> errors() {
    return errors == null ? List.of() : errors;
  }
}

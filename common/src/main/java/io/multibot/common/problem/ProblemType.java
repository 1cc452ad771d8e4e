package io.multibot.common.problem;

import java.util.Arrays;

/**
 * The stable kinds of error both APIs answer with. Clients switch on {@link #uri()}, never on the
 * human-readable title or detail.
 */
public enum ProblemType {
  MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
  UNAUTHORIZED(401, "unauthorized", "Authentication required"),
  FORBIDDEN(403, "forbidden", "Forbidden"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),
  CONFLICT(409, "conflict", "Conflict"),
  PRECONDITION_FAILED(412, "precondition-failed", "Precondition failed"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  VALIDATION_FAILED(422, "validation-failed", "Validation failed"),
  PRECONDITION_REQUIRED(428, "precondition-required", "Precondition required"),
  TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
  INTERNAL_ERROR(500, "internal-error", "Internal server error"),
  /** A service we called on the client's behalf refused or could not be reached. */
  BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "Service unavailable");

  private static final String PREFIX = "urn:multibot:problem:";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem's {@code type} member, for example {@code urn:multibot:problem:not-found}. */
  public String uri() {
    return PREFIX + slug;
  }

  /** The type for a status the runtime produced on its own; unknown statuses fall back by class. */
  public static ProblemType forStatus(int status) {
    return Arrays.stream(values())
        .filter(type -> type.status == status)
        .findFirst()
        .orElse(status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST);
  }
}

package io.multibot.common.problem;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem document. {@code type} is {@code about:blank} unless a more specific problem
 * type exists, in which case {@code title} is the HTTP reason phrase.
 */
public record Problem(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String ABOUT_BLANK = "about:blank";

  /** A generic problem for an HTTP status, titled with its reason phrase. */
  public static Problem of(int status, String detail, String instance) {
    Response.StatusType type = Response.Status.fromStatusCode(status);
    String title = type == null ? "HTTP " + status : type.getReasonPhrase();
    return new Problem(ABOUT_BLANK, title, status, detail, instance);
  }

  /** This problem as a response with the problem media type. */
  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}

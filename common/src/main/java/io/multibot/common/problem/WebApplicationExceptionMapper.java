package io.multibot.common.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Turns the JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type) into
 * problem documents. Their exception messages are not shown: they can echo internal details.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Map<Integer, String> DETAILS =
      Map.of(
          400, "The request could not be understood.",
          401, "Authentication is required.",
          403, "You are not allowed to do this.",
          404, "There is no resource at this path.",
          405, "This resource does not support the request's method.",
          406, "This resource cannot produce any of the media types the request accepts.",
          413, "The request body is too large.",
          415, "This resource does not accept the request's content type.");

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    if (status < 400) {
      return original;
    }
    String detail = DETAILS.getOrDefault(status, "The request failed.");
    Response.ResponseBuilder problem =
        Response.fromResponse(
            Problem.of(ProblemType.forStatus(status), detail, path()).toResponse());
    for (String header : new String[] {"Allow", "WWW-Authenticate", "Retry-After"}) {
      String value = original.getHeaderString(header);
      if (value != null) {
        problem.header(header, value);
      }
    }
    return problem.build();
  }

  private String path() {
    return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
  }
}

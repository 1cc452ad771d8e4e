package io.multibot.common.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers the API's own refusals with their problem type, detail and field errors. */
@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(ApiException exception) {
    ProblemType type = exception.type();
    String path = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            exception.getMessage(),
            path,
            exception.errors());
    Response.ResponseBuilder response = Response.fromResponse(problem.toResponse());
    exception.headers().forEach(response::header);
    return response.build();
  }
}

package io.multibot.common.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort: an error nobody mapped becomes a 500 problem with an incident id. The stack
 * trace goes to the server log under that id, its messages neutralised ({@link LogSafe}), never to
 * the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable exception) {
    String path = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    if (ConcurrencyConflicts.isCause(exception)) {
      LOG.info(() -> "request lost a race with a concurrent change: " + exception.getClass());
      return Response.fromResponse(
              Problem.of(
                      ProblemType.CONFLICT,
                      "A concurrent request changed the same data; nothing was changed by this"
                          + " one. Send it again.",
                      path)
                  .toResponse())
          .header("Retry-After", "1")
          .build();
    }
    return internalError(exception, path);
  }

  /** The 500 problem for an error of ours: logged under a new incident id that the client gets. */
  public static Response internalError(Throwable exception, String path) {
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, LogSafe.of(exception));
    String detail =
        "An unexpected error occurred. Quote incident " + incident + " when reporting it.";
    return Problem.of(ProblemType.INTERNAL_ERROR, detail, path).toResponse();
  }
}

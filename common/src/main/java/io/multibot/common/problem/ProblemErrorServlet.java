package io.multibot.common.problem;

import io.multibot.common.json.Jsons;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The web application's error page (declared in common's {@code web-fragment.xml}): every error the
 * servlet container answers itself, outside JAX-RS, becomes a problem document with the status the
 * container chose, our {@code type} URN and no exception text. A 5xx gets an incident id, and the
 * exception goes to the log under it, neutralised ({@link LogSafe}). Called directly — it is also
 * the default servlet, for paths nothing else serves — it is a 404.
 */
public class ProblemErrorServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ProblemErrorServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number && number >= 400 ? number : 404;
    ProblemType type = ProblemType.forStatus(status);
    String detail = detail(status);
    if (status >= 500) {
      String incident = UUID.randomUUID().toString();
      Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
      if (failure instanceof Throwable thrown) {
        LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, LogSafe.of(thrown));
      } else {
        LOG.severe(() -> "Unexpected error status " + status + ", incident " + incident);
      }
      detail = "An unexpected error occurred. Quote incident " + incident + " when reporting it.";
    }
    JsonObjectBuilder problem =
        Jsons.createObjectBuilder()
            .add("type", type.uri())
            .add("title", type.title())
            .add("status", status)
            .add("detail", detail);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path) {
      problem.add("instance", path);
    }
    response.setStatus(status);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.getWriter().write(problem.build().toString());
  }

  private static String detail(int status) {
    return switch (status) {
      case 400 -> "The request could not be understood: check the path's encoding and headers.";
      case 404 -> "There is no resource at this path. The API is under /api/v1.";
      case 405 -> "This resource does not support the request's method.";
      case 413 -> "The request is too large.";
      case 415 -> "This resource does not accept the request's content type.";
      default -> "The request failed.";
    };
  }
}

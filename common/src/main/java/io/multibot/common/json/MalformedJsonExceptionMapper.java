package io.multibot.common.json;

import io.multibot.common.problem.Problem;
import io.multibot.common.problem.ProblemType;
import io.multibot.common.problem.UnexpectedExceptionMapper;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A body that is not JSON, or not the JSON this resource reads, is a 400. The parser's message is
 * not echoed (it names internal classes); only an unknown field's name is. JSON-B throws the same
 * exception when it cannot <em>write</em> an answer: that is our fault, not the client's, so it is
 * the 500 problem with an incident id ({@link UnexpectedExceptionMapper}); {@code
 * MalformedJsonExceptionMapperTest} checks both.
 */
@Provider
public class MalformedJsonExceptionMapper implements ExceptionMapper<JsonbException> {

  /** Yasson's wording ("Json property admin can not be mapped to a class ...") and others'. */
  private static final Pattern UNKNOWN_FIELD =
      Pattern.compile(
          "(?:Json property ([\\p{Alnum}_$-]{1,64}) can not be mapped"
              + "|(?:Unknown|Unrecognized) (?:property|field)\\W*([\\p{Alnum}_$-]{1,64}))");

  @Context private UriInfo uriInfo;

  @Override
  public Response toResponse(JsonbException exception) {
    String path = uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
    if (writing(exception)) {
      return UnexpectedExceptionMapper.internalError(exception, path);
    }
    return Problem.of(ProblemType.MALFORMED_REQUEST, describe(exception), path).toResponse();
  }

  /** Whether JSON-B failed while writing an answer (a writer in its stack, no reader). */
  static boolean writing(Throwable exception) {
    boolean writer = false;
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      for (StackTraceElement frame : cause.getStackTrace()) {
        String method = frame.getMethodName();
        if (method.equals("readFrom") || method.equals("fromJson")) {
          return false;
        }
        writer |= method.equals("writeTo") || method.equals("toJson");
      }
    }
    return writer;
  }

  static String describe(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      Matcher unknown = UNKNOWN_FIELD.matcher(String.valueOf(cause.getMessage()));
      if (unknown.find()) {
        String field = unknown.group(1) != null ? unknown.group(1) : unknown.group(2);
        return "Unknown field '" + field + "': it is not part of this resource.";
      }
    }
    return "The request body is not valid JSON for this resource.";
  }
}

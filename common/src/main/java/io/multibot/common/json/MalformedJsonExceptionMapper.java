package io.multibot.common.json;

import io.multibot.common.problem.Problem;
import io.multibot.common.problem.ProblemType;
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
 * not echoed (it names internal classes); only an unknown field's name is.
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
    return Problem.of(ProblemType.MALFORMED_REQUEST, describe(exception), path).toResponse();
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

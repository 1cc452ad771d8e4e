package io.multibot.common.json;

import io.multibot.common.problem.Problem;
import io.multibot.common.problem.ProblemType;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the headers that describe a request's body and the answer it wants before anything else
 * reads them, so that a malformed one is a clear 400 or 415 instead of a parser's exception (a 500)
 * deep inside the runtime:
 *
 * <ul>
 *   <li>{@code Accept}: every media range parses and every {@code q} is a number from 0 to 1;
 *   <li>{@code Content-Type}: parses; a request with a body sends JSON, in UTF-8 if it names a
 *       charset (RFC 8259);
 *   <li>{@code Content-Encoding}: none or {@code identity} (415 with {@code Accept-Encoding:
 *       identity}, RFC 7694);
 *   <li>the path and query decode, and not to a NUL character.
 * </ul>
 */
@Provider
@PreMatching
@Priority(100)
public class RequestHeadersFilter implements ContainerRequestFilter {

  private static final Pattern QUALITY = Pattern.compile("0(\\.\\d{0,3})?|1(\\.0{0,3})?");
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  @Override
  public void filter(ContainerRequestContext request) {
    Response refusal = acceptRefusal(request.getHeaders().get(HttpHeaders.ACCEPT));
    if (refusal == null) {
      refusal = encodingRefusal(request.getHeaderString("Content-Encoding"));
    }
    if (refusal == null) {
      refusal = contentTypeRefusal(request);
    }
    if (refusal == null) {
      refusal = targetRefusal(request);
    }
    if (refusal != null) {
      request.abortWith(refusal);
    }
  }

  static Response acceptRefusal(List<String> values) {
    if (values == null) {
      return null;
    }
    for (String value : values) {
      for (String range : value.split(",", -1)) {
        if (!range.isBlank() && !validRange(range)) {
          return refuse(
              ProblemType.MALFORMED_REQUEST,
              "The Accept header is malformed: use media ranges such as application/json with q"
                  + " between 0 and 1.");
        }
      }
    }
    return null;
  }

  private static boolean validRange(String range) {
    try {
      MediaType type = MediaType.valueOf(range.strip());
      String quality = type.getParameters().get("q");
      return quality == null || QUALITY.matcher(quality).matches();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * A query or path that decodes to a NUL character, or does not decode at all. No value of ours
   * contains NUL, and PostgreSQL cannot store one (it was a 500 there).
   */
  private static Response targetRefusal(ContainerRequestContext request) {
    try {
      boolean nul =
          request.getUriInfo().getPath(true).indexOf('\u0000') >= 0
              || request.getUriInfo().getQueryParameters(true).entrySet().stream()
                  .anyMatch(
                      entry ->
                          entry.getKey().indexOf('\u0000') >= 0
                              || entry.getValue().stream().anyMatch(v -> v.indexOf('\u0000') >= 0));
      return nul
          ? refuse(ProblemType.MALFORMED_REQUEST, "The path or query contains a NUL character.")
          : null;
    } catch (IllegalArgumentException e) {
      return refuse(ProblemType.MALFORMED_REQUEST, "The path or query is not properly encoded.");
    }
  }

  static Response encodingRefusal(String encoding) {
    if (encoding == null || encoding.isBlank() || "identity".equalsIgnoreCase(encoding.strip())) {
      return null;
    }
    return Response.fromResponse(
            refuse(
                ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "Request bodies are not decoded: send them without Content-Encoding."))
        .header("Accept-Encoding", "identity")
        .build();
  }

  private static Response contentTypeRefusal(ContainerRequestContext request) {
    String raw = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
    boolean body = WITH_BODY.contains(request.getMethod()) && hasBody(request);
    return contentTypeRefusal(raw, body);
  }

  static Response contentTypeRefusal(String raw, boolean body) {
    if (raw == null || raw.isBlank()) {
      return body
          ? unsupported("Send the body as application/json (no Content-Type was given).")
          : null;
    }
    MediaType type;
    try {
      type = MediaType.valueOf(raw.strip());
    } catch (IllegalArgumentException e) {
      return refuse(ProblemType.MALFORMED_REQUEST, "The Content-Type header is malformed.");
    }
    String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !"utf-8".equals(charset.strip().toLowerCase(Locale.ROOT))) {
      return unsupported("JSON bodies are UTF-8: leave out the charset or send charset=UTF-8.");
    }
    if (body && !StrictJsonReader.isJson(type)) {
      return unsupported("Send the body as application/json.");
    }
    return null;
  }

  private static boolean hasBody(ContainerRequestContext request) {
    return request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
  }

  private static Response unsupported(String detail) {
    return refuse(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail);
  }

  private static Response refuse(ProblemType type, String detail) {
    return Problem.of(type, detail, null).toResponse();
  }
}

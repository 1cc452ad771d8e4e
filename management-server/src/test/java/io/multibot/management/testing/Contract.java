package io.multibot.management.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpJson.Answer;
import java.net.URI;

/**
 * Checks answers against the OpenAPI document the server serves, with Atlassian's
 * swagger-request-validator: each answer's status must be documented for its operation, and its
 * body must match the documented schema. Requests are not judged (tests send bad ones on purpose);
 * every answer that {@link Api} receives is checked, so the document cannot drift from the code.
 */
public final class Contract {

  private static volatile OpenApiInteractionValidator validator;

  private Contract() {}

  /** Fails the calling test when the answer is not what the document says it can be. */
  public static Answer checked(String method, URI uri, Answer answer) {
    ValidationReport report =
        validator().validateResponse(path(uri), method(method), response(answer));
    if (report.hasErrors()) {
      throw new AssertionError(
          method
              + " "
              + uri.getRawPath()
              + " answered "
              + answer.status()
              + ", not as the OpenAPI document says:\n"
              + report.getMessages()
              + "\n"
              + answer.text());
    }
    return answer;
  }

  private static String path(URI uri) {
    return uri.getRawPath();
  }

  private static Request.Method method(String method) {
    return Request.Method.valueOf(method);
  }

  private static SimpleResponse response(Answer answer) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
    answer.headers().map().forEach((name, values) -> response.withHeader(name, values));
    if (!answer.text().isEmpty()) {
      response.withBody(answer.text());
    }
    return response.build();
  }

  private static OpenApiInteractionValidator validator() {
    if (validator == null) {
      synchronized (Contract.class) {
        if (validator == null) {
          String root = Api.root().substring(0, Api.root().length() - "/api/v1".length());
          String document = HttpJson.get(root + "/openapi?format=JSON").text();
          validator =
              OpenApiInteractionValidator.createForInlineApiSpecification(document)
                  .withLevelResolver(
                      LevelResolver.create()
                          .withLevel("validation.request", ValidationReport.Level.IGNORE)
                          .build())
                  .build();
        }
      }
    }
    return validator;
  }
}

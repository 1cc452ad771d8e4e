package io.multibot.common.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.multibot.common.testing.HttpJson.Answer;
import java.net.URI;

/**
 * Checks HTTP answers against an OpenAPI document with Atlassian's swagger-request-validator: each
 * answer's status must be documented for its operation, and its body must match the documented
 * schema. Requests are not judged (tests send bad ones on purpose). Modules that use it need {@code
 * swagger-request-validator-core} on their test class path.
 */
public final class AnswerContract {

  private final OpenApiInteractionValidator validator;

  /** The contract of this document (OpenAPI JSON). */
  public AnswerContract(String document) {
    this.validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(document)
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

  /** Fails the calling test when the answer is not what the document says it can be. */
  public Answer checked(String method, URI uri, Answer answer) {
    ValidationReport report =
        validator.validateResponse(
            uri.getRawPath(), Request.Method.valueOf(method), response(answer));
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

  private static SimpleResponse response(Answer answer) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.status());
    answer.headers().map().forEach((name, values) -> response.withHeader(name, values));
    if (!answer.text().isEmpty()) {
      response.withBody(answer.text());
    }
    return response.build();
  }
}

package io.multibot.management.testing;

import io.multibot.common.testing.AnswerContract;
import io.multibot.common.testing.HttpJson;
import io.multibot.common.testing.HttpJson.Answer;
import java.net.URI;

/**
 * Every answer that {@link Api} receives is checked against the OpenAPI document the server under
 * test serves ({@link AnswerContract}), so the document cannot drift from the code.
 */
public final class Contract {

  private static volatile AnswerContract contract;

  private Contract() {}

  /** Fails the calling test when the answer is not what the document says it can be. */
  public static Answer checked(String method, URI uri, Answer answer) {
    return contract().checked(method, uri, answer);
  }

  private static AnswerContract contract() {
    if (contract == null) {
      synchronized (Contract.class) {
        if (contract == null) {
          String root = Api.root().substring(0, Api.root().length() - "/api/v1".length());
          contract = new AnswerContract(HttpJson.get(root + "/openapi?format=JSON").text());
        }
      }
    }
    return contract;
  }
}

package io.multibot.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on problem+json answers, shared by the servers' black-box tests. */
public final class Problems {

  private Problems() {}

  /** The answer is a problem document of this status and type, with no stack trace in it. */
  public static void assertProblem(HttpJson.Answer answer, int status, String type) {
    assertThat(answer.status()).as(answer.text()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().getString("type")).isEqualTo("urn:multibot:problem:" + type);
    assertThat(answer.text()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}

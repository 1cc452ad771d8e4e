package io.multibot.management.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  @Test
  void signsTheTimestampAndBodyWithHmacSha256() {
    // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'a signing secret!'
    assertThat(WebhookSignature.sign("a signing secret!", 1_700_000_000L, "{\"a\":1}"))
        .isEqualTo("sha256=f01254f01322dc833c6802566a7cf075872d4737cf62b2628bf1fccfc7931631");
  }

  @Test
  void anyChangeOfSecretTimestampOrBodyChangesIt() {
    String base = WebhookSignature.sign("a signing secret!", 1L, "{}");
    assertThat(WebhookSignature.sign("a signing secret?", 1L, "{}")).isNotEqualTo(base);
    assertThat(WebhookSignature.sign("a signing secret!", 2L, "{}")).isNotEqualTo(base);
    assertThat(WebhookSignature.sign("a signing secret!", 1L, "{ }")).isNotEqualTo(base);
  }
}

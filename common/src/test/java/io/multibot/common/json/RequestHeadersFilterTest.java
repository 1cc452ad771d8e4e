package io.multibot.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestHeadersFilterTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*/*;q=abc",
        "application/json;q=2",
        "application/json;q=-1",
        "text",
        "a/b/c",
        "application/json, ;;;",
        "application/json;q=0.5.5"
      })
  void refusesAMalformedAccept(String accept) {
    Response refusal = RequestHeadersFilter.acceptRefusal(List.of(accept));

    assertThat(refusal).isNotNull();
    assertThat(refusal.getStatus()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*/*",
        "application/json",
        "application/json;q=0.9, */*;q=0.1",
        "text/html;q=1.000",
        "application/problem+json;charset=utf-8",
        ""
      })
  void acceptsAWellFormedAccept(String accept) {
    assertThat(RequestHeadersFilter.acceptRefusal(List.of(accept))).isNull();
  }

  @Test
  void refusesEncodedBodies() {
    Response refusal = RequestHeadersFilter.encodingRefusal("gzip");

    assertThat(refusal.getStatus()).isEqualTo(415);
    assertThat(refusal.getHeaderString("Accept-Encoding")).isEqualTo("identity");
    assertThat(RequestHeadersFilter.encodingRefusal("identity")).isNull();
    assertThat(RequestHeadersFilter.encodingRefusal(null)).isNull();
  }

  @Test
  void bodiesAreJsonInUtf8() {
    assertThat(RequestHeadersFilter.contentTypeRefusal("application/json", true)).isNull();
    assertThat(RequestHeadersFilter.contentTypeRefusal("application/json; charset=UTF-8", true))
        .isNull();
    assertThat(RequestHeadersFilter.contentTypeRefusal("application/merge-patch+json", true))
        .isNull();
    assertThat(status("application/json; charset=bogus", true)).isEqualTo(415);
    assertThat(status("application/json; charset=iso-8859-1", true)).isEqualTo(415);
    assertThat(status("text/plain", true)).isEqualTo(415);
    assertThat(status("image/png", true)).isEqualTo(415);
    assertThat(status(null, true)).isEqualTo(415);
    assertThat(status(";;;", false)).isEqualTo(400);
    assertThat(RequestHeadersFilter.contentTypeRefusal("text/plain", false)).isNull();
    assertThat(RequestHeadersFilter.contentTypeRefusal(null, false)).isNull();
  }

  private static int status(String contentType, boolean body) {
    return RequestHeadersFilter.contentTypeRefusal(contentType, body).getStatus();
  }
}

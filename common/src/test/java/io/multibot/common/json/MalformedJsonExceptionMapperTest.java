package io.multibot.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;

class MalformedJsonExceptionMapperTest {

  /** A request body type, as a resource would declare it. */
  public record Body(String name) {}

  private final Jsonb jsonb = StrictJsonbProvider.create();

  @Test
  void refusesUnknownFieldsAndNamesThem() {
    assertThatThrownBy(() -> jsonb.fromJson("{\"name\":\"a\",\"admin\":true}", Body.class))
        .isInstanceOf(JsonbException.class)
        .satisfies(
            e ->
                assertThat(MalformedJsonExceptionMapper.describe(e))
                    .isEqualTo("Unknown field 'admin': it is not part of this resource."));
  }

  @Test
  void describesBrokenJsonWithoutEchoingTheParser() {
    assertThatThrownBy(() -> jsonb.fromJson("{\"name\":", Body.class))
        .satisfies(
            e ->
                assertThat(MalformedJsonExceptionMapper.describe(e))
                    .isEqualTo("The request body is not valid JSON for this resource."));
  }

  @Test
  void leavesNullsOutOfResponses() {
    assertThat(jsonb.toJson(new Body(null))).isEqualTo("{}");
  }
}

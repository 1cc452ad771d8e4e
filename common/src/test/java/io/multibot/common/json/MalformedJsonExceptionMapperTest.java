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

  /** A type JSON-B cannot write (its getter fails): a server-side mistake, never the client's. */
  public static final class Broken {
    public String getName() {
      throw new IllegalStateException("no name");
    }
  }

  @Test
  void aFailureToWriteTheAnswerIsOurs500NotTheClients400() {
    MalformedJsonExceptionMapper mapper = new MalformedJsonExceptionMapper();
    assertThatThrownBy(() -> jsonb.toJson(new Broken()))
        .isInstanceOfSatisfying(
            JsonbException.class,
            e -> {
              assertThat(MalformedJsonExceptionMapper.writing(e)).isTrue();
              assertThat(mapper.toResponse(e).getStatus()).isEqualTo(500);
            });
    assertThatThrownBy(() -> jsonb.fromJson("{\"name\":", Body.class))
        .isInstanceOfSatisfying(
            JsonbException.class,
            e -> {
              assertThat(MalformedJsonExceptionMapper.writing(e)).isFalse();
              assertThat(mapper.toResponse(e).getStatus()).isEqualTo(400);
            });
  }

  @Test
  void leavesNullsOutOfResponses() {
    assertThat(jsonb.toJson(new Body(null))).isEqualTo("{}");
  }
}

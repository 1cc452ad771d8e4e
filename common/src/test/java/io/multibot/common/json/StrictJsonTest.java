package io.multibot.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  public record Inner(Integer count, List<Long> ids) {}

  public record Sample(
      String name,
      Boolean enabled,
      int size,
      Long id,
      Double amount,
      JsonValue anything,
      Inner inner,
      Map<String, Integer> limits,
      @JsonbProperty("refresh_token") String refreshToken) {}

  @Test
  void readsAnExactBody() {
    Sample sample =
        StrictJson.read(
            "{\"name\":\"a\",\"enabled\":false,\"size\":3,\"id\":9223372036854775807,"
                + "\"amount\":50.5,\"anything\":[1,\"x\"],\"inner\":{\"count\":2,\"ids\":[1,2]},"
                + "\"limits\":{\"a\":1},\"refresh_token\":\"t\"}",
            Sample.class);

    assertThat(sample.name()).isEqualTo("a");
    assertThat(sample.enabled()).isFalse();
    assertThat(sample.id()).isEqualTo(Long.MAX_VALUE);
    assertThat(sample.amount()).isEqualTo(50.5);
    assertThat(sample.inner().ids()).containsExactly(1L, 2L);
    assertThat(sample.refreshToken()).isEqualTo("t");
  }

  @Test
  void refusesNumbersOutOfTheirFieldsRangeNamingTheField() {
    assertThat(errors("{\"id\":18446744073709551617}"))
        .extracting(FieldError::field)
        .containsExactly("id");
    assertThat(errors("{\"size\":2147483648}"))
        .extracting(FieldError::field)
        .containsExactly("size");
    assertThat(errors("{\"inner\":{\"ids\":[1,1e30]}}"))
        .extracting(FieldError::field)
        .containsExactly("inner.ids[1]");
    assertThat(errors("{\"amount\":1e400}"))
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(errors("{\"amount\":1e-400}"))
        .extracting(FieldError::field)
        .containsExactly("amount");
    assertThat(errors("{\"size\":1.5}"))
        .extracting(FieldError::message)
        .containsExactly("must be a whole number");
    assertThat(errors("{\"limits\":{\"a\":99999999999}}"))
        .extracting(FieldError::field)
        .containsExactly("limits.a");
  }

  @Test
  void refusesValuesOfAnotherTypeInsteadOfConvertingThem() {
    assertThat(errors("{\"name\":12345,\"enabled\":\"false\",\"amount\":\"50\",\"inner\":[]}"))
        .extracting(FieldError::field)
        .containsExactly("name", "enabled", "amount", "inner");
    assertThat(errors("{\"name\":\"a\\u0000b\",\"inner\":{\"ids\":[]}}"))
        .extracting(FieldError::field)
        .containsExactly("name");
    assertThat(errors("{\"refresh_token\":1}"))
        .extracting(FieldError::field)
        .containsExactly("refresh_token");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "null",
        "[{}]",
        "{}{}",
        "{} []",
        "\"text\"",
        "42",
        "",
        "   ",
        "{\"a\":1,\"a\":2}",
        "{\"name\":\"a\"",
        "{'name':'a'}",
        "{\"name\":\"a\",}"
      })
  void refusesAnythingButOneObjectWithUniqueKeys(String body) {
    assertThatThrownBy(() -> StrictJson.read(body, Sample.class))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).type())
        .isEqualTo(ProblemType.MALFORMED_REQUEST);
  }

  @Test
  void refusesDeepBodiesWithoutOverflowingTheStack() {
    String deep = "{\"anything\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    String tooDeep =
        "{\"anything\":"
            + "[".repeat(StrictJson.MAX_DEPTH)
            + "]".repeat(StrictJson.MAX_DEPTH)
            + "}";
    String deepEnough =
        "{\"anything\":"
            + "[".repeat(StrictJson.MAX_DEPTH - 1)
            + "\"[{[{\""
            + "]".repeat(StrictJson.MAX_DEPTH - 1)
            + "}";

    assertThat(StrictJson.read(deepEnough, Sample.class).anything()).isNotNull();

    assertThatThrownBy(() -> StrictJson.read(deep, Sample.class)).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> StrictJson.read(tooDeep, Sample.class))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("deeper");
  }

  @Test
  void leavesNullsToTheValidators() {
    Sample sample = StrictJson.read("{\"name\":null,\"inner\":null}", Sample.class);

    assertThat(sample.name()).isNull();
    assertThat(sample.inner()).isNull();
  }

  private static List<FieldError> errors(String body) {
    try {
      StrictJson.read(body, Sample.class);
    } catch (ApiException e) {
      assertThat(e.type()).isEqualTo(ProblemType.VALIDATION_FAILED);
      return e.errors();
    }
    throw new AssertionError("accepted: " + body);
  }
}

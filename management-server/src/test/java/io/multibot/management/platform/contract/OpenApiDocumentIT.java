package io.multibot.management.platform.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.management.testing.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The committed API document ({@code docs/openapi/management-api.json}, from which the build
 * generates a Java client) is the one the server serves. On a difference the served document is
 * written, in the committed format, to {@code target/openapi/management-api.json}: review it and
 * copy it over the committed one.
 */
@MicroShedTest
class OpenApiDocumentIT {

  @Test
  void theCommittedDocumentIsTheServedOne() throws IOException {
    String root = Api.root().substring(0, Api.root().length() - "/api/v1".length());
    JsonObject served = parse(HttpJson.get(root + "/openapi?format=JSON").text());
    Path committed =
        Path.of(
            System.getProperty("it.repository", ".."), "docs", "openapi", "management-api.json");
    Path fresh = Path.of("target", "openapi", "management-api.json");
    Files.createDirectories(fresh.getParent());
    Files.writeString(fresh, sorted(served, "") + "\n", StandardCharsets.UTF_8);

    assertThat(parse(Files.readString(committed, StandardCharsets.UTF_8)))
        .as(
            "%s differs from the served document; the served one is in %s",
            committed, fresh.toAbsolutePath())
        .isEqualTo(served);
  }

  private static JsonObject parse(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  /** JSON with object keys sorted and two-space indentation, as {@code jq -S .} writes it. */
  static String sorted(JsonValue value, String indent) {
    String inner = indent + "  ";
    switch (value.getValueType()) {
      case OBJECT -> {
        if (value.asJsonObject().isEmpty()) {
          return "{}";
        }
        StringBuilder text = new StringBuilder("{\n");
        new TreeMap<>(value.asJsonObject())
            .forEach(
                (key, member) ->
                    text.append(inner)
                        .append(Json.createValue(key))
                        .append(": ")
                        .append(sorted(member, inner))
                        .append(",\n"));
        return text.substring(0, text.length() - 2) + "\n" + indent + "}";
      }
      case ARRAY -> {
        if (value.asJsonArray().isEmpty()) {
          return "[]";
        }
        StringBuilder text = new StringBuilder("[\n");
        value
            .asJsonArray()
            .forEach(member -> text.append(inner).append(sorted(member, inner)).append(",\n"));
        return text.substring(0, text.length() - 2) + "\n" + indent + "]";
      }
      default -> {
        return value.toString();
      }
    }
  }
}

package io.multibot.management.platform.fuzz;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/**
 * What an attacker puts where a value belongs: wrong types, nulls, numbers out of every range,
 * dates out of the databases' range, huge and deep values, unicode and control characters, and
 * injection strings. Every string that could reach a log carries the run's marker after a line
 * break, so a forged log line can be found afterwards.
 */
final class HostileValues {

  private final Random random;
  private final List<String> strings;

  HostileValues(Random random, String marker) {
    this.random = random;
    this.strings =
        List.of(
            "",
            " ",
            "x".repeat(70_000),
            "\u0000",
            "a\nb",
            "x\n[01/01/70 00:00:00:000 UTC] 00000000 io.multibot E " + marker,
            "x\r\n" + marker + " E forged",
            "'; DROP TABLE bot; --",
            "\" OR 1=1 --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/a}",
            "#{7*7}{{7*7}}",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%2e%2e%2f%00",
            "\u202egnp.exe",
            "\uD83D\uDE00".repeat(500),
            "\uFEFFadmin",
            "null",
            "-1",
            "18446744073709551617",
            "1e400",
            "NaN",
            "+10000-01-01T00:00:00Z",
            "-999999999-01-01T00:00:00Z",
            "P99999999999999999D",
            "PT-1S");
  }

  String string() {
    return strings.get(random.nextInt(strings.size()));
  }

  List<String> allStrings() {
    return strings;
  }

  /** A JSON value of a random hostile kind: any type, any range. */
  JsonValue json() {
    return switch (random.nextInt(12)) {
      case 0 -> JsonValue.NULL;
      case 1 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 2 -> Json.createValue(new BigDecimal("18446744073709551617"));
      case 3 -> Json.createValue(new BigDecimal("-9223372036854775809"));
      case 4 -> Json.createValue(new BigDecimal("1e400"));
      case 5 -> Json.createValue(new BigDecimal("-1e-400"));
      case 6 -> Json.createValue(random.nextBoolean() ? -1 : 0);
      case 7 -> Json.createValue(2147483648L);
      case 8 -> deepArray(40);
      case 9 -> Json.createObjectBuilder().add("x", string()).build();
      case 10 -> Json.createArrayBuilder().add(string()).add(1).add(JsonValue.NULL).build();
      default -> Json.createValue(string());
    };
  }

  /** A string for a query or path parameter (not yet encoded). */
  String parameter() {
    return random.nextInt(4) == 0 ? String.valueOf(json()) : string();
  }

  static JsonValue deepArray(int depth) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (int i = 0; i < depth; i++) {
      array = Json.createArrayBuilder().add(array);
    }
    return array.build();
  }

  static JsonValue deepObject(int depth) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = 0; i < depth; i++) {
      object = Json.createObjectBuilder().add("a", object);
    }
    return object.build();
  }
}

package io.multibot.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchEnvironmentTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env) {
    return LaunchEnvironment.run(
        env::get,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void selectsDerbyWhenNothingIsSet() {
    int status = run(Map.of());

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("export DB_KIND='derby'\n");
    assertThat(err.size()).isZero();
  }

  @Test
  void exportsPostgresqlConnectionQuoted() {
    int status = run(Map.of("DATABASE_URL", "postgresql://bot:it%27s@db:5432/multibot"));

    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "export DB_KIND='postgresql'\n"
                + "export DB_JDBC_URL='jdbc:postgresql://db:5432/multibot'\n"
                + "export DB_USER='bot'\n"
                + "export DB_PASSWORD='it'\\''s'\n");
  }

  @Test
  void exportsDerbyDirectory() {
    run(Map.of("DATABASE_URL", "jdbc:derby:/srv/db"));

    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("export DB_DERBY_DIRECTORY='/srv/db'");
  }

  @Test
  void malformedDatabaseUrlPrintsOneLineAndFails() {
    int status = run(Map.of("DATABASE_URL", "postgresql://u:topsecret@db"));

    assertThat(status).isEqualTo(LaunchEnvironment.EXIT_MALFORMED);
    assertThat(out.size()).isZero();
    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(message)
        .startsWith("multibot: DATABASE_URL is malformed: ")
        .doesNotContain("topsecret");
    assertThat(message.lines()).hasSize(1);
  }

  @Test
  void malformedRedisUrlFailsBeforeTheDatabaseIsLookedAt() {
    int status = run(Map.of("REDIS_URL", "localhost:6379", "DATABASE_URL", "postgresql://x/db"));

    assertThat(status).isEqualTo(LaunchEnvironment.EXIT_MALFORMED);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("multibot: REDIS_URL is malformed");
  }
}

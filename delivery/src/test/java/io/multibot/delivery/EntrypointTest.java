package io.multibot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images' entry point, run for real with sh and the launcher jar the images copy: it turns
 * DATABASE_URL into Liberty's data source settings and stops on a malformed URL.
 */
class EntrypointTest {

  private static final String JAR = "management-server/target/image/launcher/common.jar";

  @TempDir private Path dir;
  private Path liberty;

  @BeforeEach
  void fakeLibertyEntryPoint() throws IOException {
    liberty = dir.resolve("docker-server.sh");
    Files.writeString(
        liberty,
        "#!/bin/sh\necho \"JVM_ARGS=$JVM_ARGS|DB_JDBC_URL=${DB_JDBC_URL:-}|DB_USER=${DB_USER:-}|ARGS=$*\"\n",
        StandardCharsets.UTF_8);
    assertThat(liberty.toFile().setExecutable(true)).isTrue();
  }

  @Test
  void postgresqlUrlSelectsThePostgresqlDataSource() throws Exception {
    Result result = run(Map.of("DATABASE_URL", "postgresql://multibot:s3cret@db:5432/multibot"));

    assertThat(result.status()).isZero();
    assertThat(result.output())
        .contains(
            "-Ddb.kind=postgresql",
            "DB_JDBC_URL=jdbc:postgresql://db:5432/multibot",
            "DB_USER=multibot")
        .contains("ARGS=/opt/ol/wlp/bin/server run defaultServer");
  }

  @Test
  void noUrlMeansTheEmbeddedDerby() throws Exception {
    Result result = run(Map.of());

    assertThat(result.status()).isZero();
    assertThat(result.output()).contains("-Ddb.kind=derby").contains("DB_JDBC_URL=|");
  }

  @Test
  void aMalformedUrlStopsBeforeLibertyStarts() throws Exception {
    Result result = run(Map.of("DATABASE_URL", "postgresql://db:5432"));

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.output()).contains("DATABASE_URL").doesNotContain("JVM_ARGS=");
  }

  private Result run(Map<String, String> environment) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(
                "sh",
                Repo.path("src/main/docker/multibot-entrypoint.sh").toString(),
                "/opt/ol/wlp/bin/server",
                "run",
                "defaultServer")
            .redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet()
        .removeIf(
            name ->
                name.startsWith("DATABASE_") || name.startsWith("DB_") || name.equals("JVM_ARGS"));
    env.put(
        "PATH",
        Path.of(System.getProperty("java.home"), "bin")
            + ":"
            + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("MULTIBOT_LAUNCHER_JAR", Repo.path(JAR).toString());
    env.put("LIBERTY_ENTRYPOINT", liberty.toString());
    env.putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int status, String output) {}
}

package io.multibot.management.platform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.testing.HttpJson;
import io.multibot.management.testing.Api;
import io.multibot.management.testing.Fixtures;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Hostile requests generated from the server's own OpenAPI document: every operation, every path
 * and query parameter and body field, whole bodies, headers, tokens and {@code Host}, in rounds
 * until at least {@value #MIN_REQUESTS} requests were sent. No answer may be a 5xx, every error is
 * a problem document of a known type without Java internals, the server is still ready afterwards
 * and nothing forged a line of its log. The seed is random per run (or {@code -Dfuzz.seed}) and
 * written, with the tally, to {@code target/fuzz-report-<database>.md}.
 */
@MicroShedTest
class ApiFuzzIT {

  static final int MIN_REQUESTS = 1_000;

  @Test
  void noHostileRequestGetsAServerErrorALeakOrAForgedLogLine()
      throws IOException, InterruptedException {
    String root = Api.root().substring(0, Api.root().length() - "/api/v1".length());
    long seed = Long.getLong("fuzz.seed", new Random().nextLong());
    String marker = "FORGED-" + UUID.randomUUID();
    Random random = new Random(seed);
    List<Operation> operations =
        Operation.all(
                Json.createReader(
                        new java.io.StringReader(
                            HttpJson.get(root + "/openapi?format=JSON").text()))
                    .readObject())
            .stream()
            .filter(operation -> !operation.streams())
            .toList();
    assertThat(operations).hasSizeGreaterThan(25);

    FuzzVerdicts verdicts = new FuzzVerdicts();
    Fuzzer fuzzer =
        new Fuzzer(
            root,
            Api.asAdmin().token(),
            new HostileValues(random, marker),
            new FuzzRequests(bots(aBot())),
            verdicts,
            random);
    while (verdicts.requests() < MIN_REQUESTS) {
      operations.forEach(fuzzer::round);
    }
    verdicts.write(
        Path.of("target", "fuzz-report-" + System.getProperty("arquillian.launch", "api") + ".md"),
        seed);

    assertThat(verdicts.violations()).as("seed " + seed).isEmpty();
    assertThat(verdicts.serverErrors()).isZero();
    assertThat(HttpJson.get(root + "/health/ready").status()).isEqualTo(200);
    Thread.sleep(500);
    List<String> log =
        Files.readAllLines(Path.of(System.getProperty("it.server.log")), StandardCharsets.UTF_8);
    assertThat(log).noneMatch(line -> line.stripLeading().startsWith(marker));
  }

  private static Map<String, String> bots(String id) {
    return Map.of("bot", id, "idOrName", id);
  }

  /** A registered bot, so that requests about a bot reach its validation, not only a 404. */
  private static String aBot() {
    Api admin = Api.asAdmin();
    return Fixtures.registeredBot(admin, "fuzz", Fixtures.strategy(admin, "Fuzz"));
  }
}

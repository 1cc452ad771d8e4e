package io.multibot.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What both servers answer to hostile requests that never reach a resource: paths the web container
 * refuses, Liberty's own endpoints, malformed headers, and request data that tries to forge a log
 * line. Checked over real sockets against the running server; each server's {@code EdgeIT} extends
 * this.
 */
public abstract class EdgeContract {

  /** Java class names or stack frames: no answer may carry them. */
  public static final Pattern INTERNALS =
      Pattern.compile(
          "(?:\\bat [a-z][\\w$]*\\.[\\w$.]+\\(|\\b(?:java|jakarta|javax|com\\.ibm|org\\.jboss"
              + "|org\\.eclipse|io\\.openliberty|io\\.multibot)\\.[a-z][\\w.$]*|Exception\\b"
              + "|SRVE\\d)");

  protected static String root() {
    return ServerContract.serverRoot();
  }

  /** The answer is a problem document of ours, with no internals. */
  public static void assertCleanProblem(RawHttp.Answer answer, int status) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    JsonObject problem = Json.createReader(new StringReader(answer.body())).readObject();
    assertThat(problem.getString("type")).startsWith("urn:multibot:problem:");
    assertThat(INTERNALS.matcher(answer.body()).find()).as(answer.body()).isFalse();
  }

  @Test
  void pathsTheWebContainerRefusesAreProblemJson() {
    for (String target :
        List.of(
            "/api/v1/bots/a%2fb",
            "/api/v1/bots/a%5cb", "/api/v1/bots/%2e%2e", "/api/v1/%2e%2e/%2e%2e/etc/passwd")) {
      RawHttp.Answer answer = RawHttp.request(root(), "GET", target);
      assertThat(answer.status()).as(target).isBetween(400, 499);
      assertCleanProblem(answer, answer.status());
    }
    assertCleanProblem(RawHttp.request(root(), "GET", "/no-such-page"), 404);
    assertCleanProblem(RawHttp.request(root(), "DELETE", "/no-such-page"), 404);
    // 405 where the root serves a page (management's console), 404 where it serves nothing.
    RawHttp.Answer deleteRoot = RawHttp.request(root(), "DELETE", "/");
    assertThat(deleteRoot.status()).isIn(404, 405);
    assertCleanProblem(deleteRoot, deleteRoot.status());
  }

  /**
   * Control characters in the target are refused by Liberty's HTTP layer before any application or
   * error page sees the request: a fixed 400 message (JSON when the client asks for JSON) that
   * quotes the target HTML-escaped. It carries no internals; it is not a problem document.
   */
  @Test
  void controlCharactersInTheTargetAreRefusedBeforeAnyApplication() {
    for (String target : List.of("/api/v1/x%00y", "/api/v1/bots/a%0Ab", "/x%0D%0ASet-Cookie:a")) {
      RawHttp.Answer answer = RawHttp.request(root(), "GET", target, "Accept: application/json");
      assertThat(answer.status()).as(target).isEqualTo(400);
      assertThat(answer.headers()).doesNotContainKey("set-cookie");
      assertThat(answer.body()).doesNotContain("\tat ").doesNotContain("Exception");
    }
  }

  /**
   * Raw spaces in the request line make it unparseable as HTTP/1.1: Liberty's HTTP channel answers
   * 505 (the third word is not a version) with no body, before any application. No internals leak.
   */
  @Test
  void anUnparseableRequestLineGetsNoBody() {
    RawHttp.Answer answer =
        RawHttp.send(
            root(), "GET /api/v1/a b HTTP/1.1\r\nHost: localhost\r\nConnection: close", null);

    assertThat(answer.status()).isIn(400, 505);
    assertThat(answer.body()).isEmpty();
  }

  @Test
  void libertysOwnEndpointsRefuseWithoutInternals() {
    for (String[] request :
        new String[][] {{"GET", "/health/no-such-check"}, {"PATCH", "/openapi"}}) {
      RawHttp.Answer answer = RawHttp.request(root(), request[0], request[1]);
      assertThat(answer.status()).as(request[1]).isGreaterThanOrEqualTo(400);
      assertThat(answer.body()).contains("urn:multibot:problem:request-refused");
      assertThat(INTERNALS.matcher(answer.body()).find()).as(answer.body()).isFalse();
    }
  }

  @Test
  void malformedHeadersAreClientErrors() {
    String body = "{}";
    assertCleanProblem(
        RawHttp.request(root(), "GET", "/api/v1/anything", "Accept: */*;q=abc"), 400);
    assertCleanProblem(post("Content-Type: application/json; charset=bogus", body), 415);
    assertCleanProblem(post("Content-Type: application/json\r\nContent-Encoding: gzip", body), 415);
    assertCleanProblem(post("Content-Type: image/png", body), 415);
    assertCleanProblem(post("Content-Type: ;;;", body), 400);
  }

  private static RawHttp.Answer post(String headers, String body) {
    String head =
        "POST /api/v1/anything HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
            + headers
            + "\r\nContent-Length: "
            + body.length();
    return RawHttp.send(root(), head, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void refusedPathsLeaveNoStackTraceInTheLog() throws IOException, InterruptedException {
    Path log = Path.of(System.getProperty("it.server.log"));
    int before = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8).size();
    for (int i = 0; i < 5; i++) {
      RawHttp.request(root(), "GET", "/api/v1/bots/a%2fb" + i);
      RawHttp.request(root(), "GET", "/no-such-page-" + i);
    }
    Thread.sleep(500);

    List<String> added =
        Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8).stream()
            .skip(before)
            .toList();
    assertThat(added)
        .noneMatch(
            line ->
                line.contains("SRVE0315E") || line.contains("SRVE0190E") || line.contains("FFDC"));
    assertThat(added).noneMatch(line -> line.stripLeading().startsWith("at "));
  }

  @Test
  void requestDataCannotForgeALogLine() throws IOException, InterruptedException {
    String marker = "FORGED-" + UUID.randomUUID();
    String forged = "x%0A%5B01%2F01%2F70%5D%200000%20E%20" + marker + "%0D%0A" + marker;
    RawHttp.request(root(), "GET", "/metrics?name=" + forged);
    RawHttp.request(root(), "GET", "/metrics?scope=" + forged);
    RawHttp.request(root(), "GET", "/api/v1/" + forged);
    RawHttp.request(root(), "GET", "/health/" + forged);
    RawHttp.request(
        root(),
        "GET",
        "/api/v1/anything",
        "Accept: " + marker + ";q=x",
        "X-Forwarded-For: \u0085" + marker);
    Thread.sleep(1_000);

    Path log = Path.of(System.getProperty("it.server.log"));
    List<String> lines = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
    assertThat(lines).isNotEmpty();
    assertThat(lines).noneMatch(line -> line.stripLeading().startsWith(marker));
    assertThat(lines).noneMatch(line -> line.contains("E " + marker));
  }
}

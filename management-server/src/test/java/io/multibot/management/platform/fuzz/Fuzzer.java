package io.multibot.management.platform.fuzz;

import io.multibot.common.testing.RawHttp;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Sends one round of hostile requests to an operation: each path and query parameter, each body
 * field, the body as a whole, the headers, the token and the {@code Host} made hostile in turn.
 */
final class Fuzzer {

  /** HTTP/1.1 as most clients speak it; the JDK's default (h2c upgrade) answers GOAWAY instead. */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** Never valid bearer tokens: garbage, wrong structure, unsigned ({@code alg: none}). */
  private static final List<String> BAD_TOKENS =
      List.of(
          "",
          "Bearer",
          "Bearer garbage",
          "Bearer a.b.c",
          "Bearer eyJhbGciOiJub25lIn0.eyJ1cG4iOiJhZG1pbiIsImdyb3VwcyI6WyJhZG1pbiJdfQ.",
          "Basic YWRtaW46YWRtaW4=",
          "Bearer " + "x".repeat(10_000));

  private static final List<String[]> BAD_HEADERS =
      List.of(
          new String[] {"Accept", "*/*;q=abc"},
          new String[] {"Accept", "application/json;q=2"},
          new String[] {"Accept", "text/html"},
          new String[] {"Content-Type", "application/json; charset=bogus"},
          new String[] {"Content-Type", "text/plain"},
          new String[] {"Content-Type", "image/png"},
          new String[] {"Content-Encoding", "gzip"});

  /** The server's root URL, without {@code /api/v1}: operation paths are absolute. */
  private final String root;

  private final String token;
  private final HostileValues values;
  private final FuzzRequests requests;
  private final FuzzVerdicts verdicts;
  private final Random random;

  Fuzzer(
      String root,
      String token,
      HostileValues values,
      FuzzRequests requests,
      FuzzVerdicts verdicts,
      Random random) {
    this.root = root;
    this.token = token;
    this.values = values;
    this.requests = requests;
    this.verdicts = verdicts;
    this.random = random;
  }

  /** One round for the operation. Fleet-wide operations only get requests refused up front. */
  void round(Operation operation) {
    if (!operation.fleetWide()) {
      parameters(operation);
      body(operation);
    }
    headers(operation);
    if (!operation.path().startsWith("/api/v1/auth/login")) {
      tokens(operation);
    }
  }

  private void parameters(Operation operation) {
    for (Operation.Parameter path : operation.in("path")) {
      send(
          operation,
          requests.path(operation, path.name(), FuzzRequests.encode(values.parameter())),
          token,
          null,
          null);
      String trick =
          FuzzRequests.RAW_PATH_TRICKS.get(random.nextInt(FuzzRequests.RAW_PATH_TRICKS.size()));
      send(operation, requests.path(operation, path.name(), trick), token, null, null);
    }
    for (Operation.Parameter query : operation.in("query")) {
      String path = requests.path(operation, null, null);
      send(
          operation, requests.withQuery(path, query.name(), values.parameter()), token, null, null);
    }
  }

  private void body(Operation operation) {
    if (operation.bodySchema() == null) {
      return;
    }
    boolean login = operation.path().startsWith("/api/v1/auth/login");
    JsonObject base = requests.baseBody(operation);
    String path = requests.path(operation, null, null);
    for (String field : operation.bodyFields()) {
      JsonValue hostile = values.json();
      if (login && isStringOrNull(hostile)) {
        hostile = JsonValue.EMPTY_JSON_ARRAY;
      }
      byte[] body =
          FuzzRequests.replace(base, field, hostile).toString().getBytes(StandardCharsets.UTF_8);
      send(operation, path, token, body, "application/json");
    }
    List<byte[]> malformed = FuzzRequests.malformedBodies(base);
    for (int i = 0; i < 3; i++) {
      send(
          operation,
          path,
          token,
          malformed.get(random.nextInt(malformed.size())),
          "application/json");
    }
  }

  private static boolean isStringOrNull(JsonValue value) {
    return value.getValueType() == JsonValue.ValueType.STRING
        || value.getValueType() == JsonValue.ValueType.NULL;
  }

  private void headers(Operation operation) {
    String[] header = BAD_HEADERS.get(random.nextInt(BAD_HEADERS.size()));
    String path = requests.path(operation, null, null);
    boolean accept = "Accept".equals(header[0]);
    if (operation.fleetWide() && !accept && !"Content-Encoding".equals(header[0])) {
      header = BAD_HEADERS.get(0);
      accept = true;
    }
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .header("Authorization", "Bearer " + token)
            .header(header[0], header[1]);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    if (!accept && !"Content-Type".equals(header[0])) {
      request.header("Content-Type", "application/json");
    }
    request.method(
        accept ? operation.method() : "POST",
        accept && "GET".equals(operation.method())
            ? BodyPublishers.noBody()
            : BodyPublishers.ofByteArray(body));
    judge(
        operation,
        (accept ? operation.method() : "POST")
            + " "
            + path
            + " ["
            + header[0]
            + ": "
            + header[1]
            + "]",
        request);
  }

  private void tokens(Operation operation) {
    String path = requests.path(operation, null, null);
    String bad = BAD_TOKENS.get(random.nextInt(BAD_TOKENS.size()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .method(operation.method(), BodyPublishers.noBody());
    if (!bad.isEmpty()) {
      request.header("Authorization", bad);
    }
    judge(operation, operation.method() + " " + path + " [token " + shorten(bad) + "]", request);
    if (!operation.fleetWide() && !"DELETE".equals(operation.method())) {
      RawHttp.Answer answer =
          RawHttp.request(
              root,
              operation.method(),
              path,
              "Host: evil.example",
              "Authorization: Bearer " + token,
              "Content-Length: 0");
      verdicts.judge(
          operation.toString(),
          operation.method() + " " + path + " [Host: evil]",
          answer.status(),
          answer.header("Content-Type"),
          answer.body(),
          answer.header("Location"));
    }
  }

  private void send(Operation operation, String path, String bearer, byte[] body, String type) {
    BodyPublisher publisher =
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .header("Authorization", "Bearer " + bearer)
            .method(operation.method(), publisher);
    if (type != null) {
      request.header("Content-Type", type);
    }
    judge(
        operation,
        operation.method() + " " + path + (body == null ? "" : " " + FuzzRequests.describe(body)),
        request);
  }

  private void judge(Operation operation, String description, HttpRequest.Builder request) {
    HttpResponse<String> answer;
    try {
      answer =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      verdicts.judge(
          operation.toString(), shorten(description), 0, null, "connection failed: " + e, null);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    verdicts.judge(
        operation.toString(),
        shorten(description),
        answer.statusCode(),
        answer.headers().firstValue("Content-Type").orElse(null),
        answer.body(),
        answer.headers().firstValue("Location").orElse(null));
  }

  private static String shorten(String text) {
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}

package io.multibot.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a virtual user does: the management API's read routes, signed in once as the given user. */
final class Scenario {

  /** The routes, in the order each user cycles through them. */
  static final List<String> ROUTES =
      List.of(
          "/health/ready",
          "/api/v1/auth/me",
          "/api/v1/bots?size=20",
          "/api/v1/status",
          "/api/v1/status?size=50",
          "/api/v1/portfolio",
          "/api/v1/commands?size=20",
          "/api/v1/strategies");

  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern HEAP =
      Pattern.compile("(?m)^memory_usedHeap_bytes\\{[^}]*\\}\\s+([0-9.Ee+]+)");

  private final HttpClient client;
  private final URI base;
  private String token;

  Scenario(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  void signIn(String user, String password) throws IOException, InterruptedException {
    String body =
        "{\"username\": \"" + json(user) + "\", \"password\": \"" + json(password) + "\"}";
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(base.resolve("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher matcher = TOKEN.matcher(response.body());
    if (response.statusCode() != 200 || !matcher.find()) {
      throw new IOException("sign-in as " + user + " failed: HTTP " + response.statusCode());
    }
    token = matcher.group(1);
  }

  /** One request to a route; true when it answered 2xx. */
  boolean call(String route) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(route)).timeout(Duration.ofSeconds(30)).GET();
    if (route.startsWith("/api/")) {
      request.header("Authorization", "Bearer " + token);
    }
    int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    return status >= 200 && status < 300;
  }

  /** The server's used heap in bytes from /metrics, when it reports it. */
  Optional<Double> usedHeap() {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(base.resolve("/metrics?scope=base")).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher matcher = HEAP.matcher(response.body());
      return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static String json(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}

package io.multibot.simulator;

import io.multibot.simulator.testing.SimulatorProcess;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP calls to a simulated bot's API, for the simulator's own tests. */
final class BotHttp {

  static final String BASIC = SimulatorProcess.AUTHORIZATION;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String root;
  private final String base;
  private final Duration timeout;

  /** An answer: status, parsed body (null if not JSON) and the raw response. */
  record Answer(int status, JsonValue body, HttpResponse<String> raw) {
    JsonObject json() {
      return body.asJsonObject();
    }
  }

  BotHttp(SimulatorProcess bot, Duration timeout) {
    this(bot.baseUrl(), timeout);
  }

  /** Calls to the API under {@code baseUrl}, such as one bot of a process serving several. */
  BotHttp(String baseUrl, Duration timeout) {
    this.root = baseUrl;
    this.base = baseUrl + "/api/v1/";
    this.timeout = timeout;
  }

  Answer get(String path) throws IOException, InterruptedException {
    return call("GET", path, BASIC, null);
  }

  Answer post(String path, String body) throws IOException, InterruptedException {
    return call("POST", path, BASIC, body);
  }

  /** A POST to one of the simulator's own routes under {@code /_simulator/}. */
  Answer simulator(String route, String authorization, String body)
      throws IOException, InterruptedException {
    return send("POST", URI.create(root + "/_simulator/" + route), authorization, body);
  }

  Answer call(String method, String path, String authorization, String body)
      throws IOException, InterruptedException {
    return send(method, URI.create(base + path), authorization, body);
  }

  private Answer send(String method, URI uri, String authorization, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), parse(response.body()), response);
  }

  private static JsonValue parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      return null;
    }
  }
}

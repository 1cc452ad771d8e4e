package io.multibot.gateway.runtime;

import io.multibot.gateway.bot.BotEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Quick questions to a bot's API while supervising it: does it answer, does it take our user. */
final class BotProbe {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** Whether {@code /api/v1/ping} answers 200. */
  boolean answers(BotEndpoint endpoint) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/api/v1/ping"))
                  .timeout(Duration.ofSeconds(1))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Whether {@code /api/v1/show_config} accepts the endpoint's credentials. */
  boolean authorized(BotEndpoint endpoint) {
    String basic =
        java.util.Base64.getEncoder()
            .encodeToString(
                (endpoint.username() + ":" + endpoint.password())
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/api/v1/show_config"))
                      .header("Authorization", "Basic " + basic)
                      .timeout(Duration.ofSeconds(2))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

package io.multibot.gateway.bot;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * freqtrade's REST API as the gateway uses it. Signs in with HTTP Basic at {@code /token/login},
 * refreshes the access token before its 15 minutes run out, signs in again once after a 401, and
 * falls back to HTTP Basic for bots without token routes. Control calls are confirmed by reading
 * the bot's state back, since freqtrade answers them with prose.
 */
public final class FreqtradeClient {

  /** freqtrade's access tokens live 15 minutes; renew a little before. */
  static final Duration RENEW_AFTER = Duration.ofMinutes(12);

  private final HttpClient http;
  private final Clock clock;
  private final Duration readTimeout;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /**
   * Tokens for one bot and when they were obtained; {@code basic} when the bot has no token routes.
   */
  private record Session(String access, String refresh, Instant obtained, boolean basic) {}

  public FreqtradeClient(Clock clock, Duration connectTimeout, Duration readTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.clock = clock;
    this.readTimeout = readTimeout;
  }

  public FreqtradeResult<JsonObject> showConfig(BotEndpoint bot) {
    return call(bot, "GET", "show_config", true);
  }

  public FreqtradeResult<String> start(BotEndpoint bot) {
    return control(bot, "start", "running");
  }

  public FreqtradeResult<String> stop(BotEndpoint bot) {
    return control(bot, "stop", "stopped");
  }

  public FreqtradeResult<String> pause(BotEndpoint bot) {
    return control(bot, "pause", "paused");
  }

  /** Sends a control call, then reads the state back: success only if the bot reached it. */
  private FreqtradeResult<String> control(BotEndpoint bot, String route, String expectedState) {
    FreqtradeResult<JsonObject> sent = call(bot, "POST", route, true);
    if (!(sent instanceof FreqtradeResult.Success<JsonObject>)) {
      return retype(sent);
    }
    FreqtradeResult<JsonObject> config = showConfig(bot);
    if (config instanceof FreqtradeResult.Success<JsonObject> success) {
      String state = success.value().getString("state", "");
      return state.equals(expectedState)
          ? new FreqtradeResult.Success<>(state)
          : new FreqtradeResult.Refused<>(200, "the bot is " + state + ", not " + expectedState);
    }
    return retype(config);
  }

  private FreqtradeResult<JsonObject> call(
      BotEndpoint bot, String method, String route, boolean retry) {
    Session session;
    try {
      session = session(bot);
    } catch (AuthFailure e) {
      return new FreqtradeResult.AuthFailed<>(e.getMessage());
    } catch (IOException e) {
      return failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FreqtradeResult.Unreachable<>("interrupted");
    }
    try {
      HttpResponse<String> response = send(bot, method, route, authorization(bot, session));
      if (response.statusCode() == 401 && retry && !session.basic()) {
        sessions.remove(key(bot));
        return call(bot, method, route, false);
      }
      return result(response);
    } catch (IOException e) {
      return failure(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FreqtradeResult.Unreachable<>("interrupted");
    }
  }

  private Session session(BotEndpoint bot) throws IOException, InterruptedException {
    Session current = sessions.get(key(bot));
    Instant now = clock.instant();
    if (current != null
        && (current.basic() || now.isBefore(current.obtained().plus(RENEW_AFTER)))) {
      return current;
    }
    Session renewed = current == null ? null : refresh(bot, current);
    Session session = renewed != null ? renewed : login(bot);
    sessions.put(key(bot), session);
    return session;
  }

  private Session login(BotEndpoint bot) throws IOException, InterruptedException {
    HttpResponse<String> response = send(bot, "POST", "token/login", basic(bot));
    if (response.statusCode() == 404) {
      return new Session(null, null, clock.instant(), true);
    }
    if (response.statusCode() == 401) {
      throw new AuthFailure(detail(response.body()));
    }
    JsonObject tokens = parse(response.body());
    return new Session(
        tokens.getString("access_token"),
        tokens.getString("refresh_token"),
        clock.instant(),
        false);
  }

  /** A new access token from the refresh token (freqtrade does not rotate it); null if refused. */
  private Session refresh(BotEndpoint bot, Session current)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(bot, "POST", "token/refresh", "Bearer " + current.refresh());
    if (response.statusCode() != 200) {
      return null;
    }
    return new Session(
        parse(response.body()).getString("access_token"),
        current.refresh(),
        clock.instant(),
        false);
  }

  private HttpResponse<String> send(
      BotEndpoint bot, String method, String route, String authorization)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(bot.route(route))
            .timeout(readTimeout)
            .header("Authorization", authorization)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String authorization(BotEndpoint bot, Session session) {
    return session.basic() ? basic(bot) : "Bearer " + session.access();
  }

  private static String basic(BotEndpoint bot) {
    String pair = bot.username() + ":" + bot.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static FreqtradeResult<JsonObject> result(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      return new FreqtradeResult.Success<>(parse(response.body()));
    }
    if (status == 401) {
      return new FreqtradeResult.AuthFailed<>(detail(response.body()));
    }
    if (status == 429) {
      long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(60L);
      return new FreqtradeResult.RateLimited<>(Duration.ofSeconds(seconds));
    }
    return new FreqtradeResult.Refused<>(status, detail(response.body()));
  }

  private <T> FreqtradeResult<T> failure(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return new FreqtradeResult.TimedOut<>(readTimeout);
    }
    String reason =
        e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
    return new FreqtradeResult.Unreachable<>(reason);
  }

  @SuppressWarnings("unchecked")
  private static <T> FreqtradeResult<T> retype(FreqtradeResult<JsonObject> failure) {
    return (FreqtradeResult<T>) failure;
  }

  /** freqtrade's error text: FastAPI's {@code detail}, or an RPC error's {@code error}. */
  private static String detail(String body) {
    try {
      JsonObject json = parse(body);
      for (String key : new String[] {"detail", "error", "status"}) {
        if (json.get(key) instanceof JsonString text) {
          return text.getString();
        }
      }
    } catch (RuntimeException e) {
      // not JSON: fall through to the raw text
    }
    return body.length() > 200 ? body.substring(0, 200) : body;
  }

  private static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }

  private static String key(BotEndpoint bot) {
    return bot.baseUrl() + "|" + bot.username();
  }

  /** The bot refused our credentials at sign-in. */
  private static final class AuthFailure extends IOException {
    private static final long serialVersionUID = 1L;

    AuthFailure(String message) {
      super(message);
    }
  }
}

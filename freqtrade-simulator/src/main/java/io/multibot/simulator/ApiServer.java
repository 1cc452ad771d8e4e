package io.multibot.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * freqtrade's REST API under {@code /api/v1}: the same paths, methods, status codes and bodies
 * (FastAPI's {@code {"detail": ...}} errors), HTTP Basic or Bearer JWT on every route but {@code
 * /ping}.
 */
final class ApiServer {

  private static final String PREFIX = "/api/v1/";

  private final ApiServerSettings settings;
  private final Tokens tokens;
  private final Map<String, Route> routes;
  private HttpServer server;

  /** One route: its method and what it answers. */
  private record Route(String method, boolean authenticated, Supplier<JsonObject> handler) {}

  ApiServer(ApiServerSettings settings, SimulatedBot bot, Tokens tokens) {
    this.settings = settings;
    this.tokens = tokens;
    this.routes =
        Map.ofEntries(
            Map.entry("ping", new Route("GET", false, () -> status("pong"))),
            Map.entry(
                "version",
                new Route(
                    "GET",
                    true,
                    () -> Json.createObjectBuilder().add("version", SimulatedBot.VERSION).build())),
            Map.entry("show_config", new Route("GET", true, bot::showConfig)),
            Map.entry("start", new Route("POST", true, () -> status(bot.start()))),
            Map.entry("stop", new Route("POST", true, () -> status(bot.stop()))),
            Map.entry("pause", new Route("POST", true, () -> status(bot.pause()))),
            Map.entry("stopentry", new Route("POST", true, () -> status(bot.pause()))),
            Map.entry("stopbuy", new Route("POST", true, () -> status(bot.pause()))),
            Map.entry("reload_config", new Route("POST", true, () -> status(bot.reloadConfig()))));
  }

  int start() throws IOException {
    server =
        HttpServer.create(
            new InetSocketAddress(settings.listenAddress(), settings.listenPort()), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
    return server.getAddress().getPort();
  }

  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!path.startsWith(PREFIX)) {
        send(exchange, 404, detail("Not Found"));
        return;
      }
      String name = path.substring(PREFIX.length());
      switch (name) {
        case "token/login" -> login(exchange);
        case "token/refresh" -> refresh(exchange);
        default -> route(exchange, name);
      }
    }
  }

  private void route(HttpExchange exchange, String name) throws IOException {
    Route route = routes.get(name);
    if (route == null) {
      send(exchange, 404, detail("Not Found"));
    } else if (!route.method().equals(exchange.getRequestMethod())) {
      send(exchange, 405, detail("Method Not Allowed"));
    } else if (route.authenticated() && authenticatedUser(exchange).isEmpty()) {
      unauthorized(exchange, "Unauthorized", "Basic");
    } else {
      send(exchange, 200, route.handler().get());
    }
  }

  /** {@code POST /token/login} with HTTP Basic credentials; no body. */
  private void login(HttpExchange exchange) throws IOException {
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 405, detail("Method Not Allowed"));
      return;
    }
    Optional<String> user = basicUser(exchange);
    if (user.isEmpty()) {
      unauthorized(exchange, "Incorrect username or password", "Basic");
      return;
    }
    send(
        exchange,
        200,
        Json.createObjectBuilder()
            .add("access_token", tokens.issue(user.get(), "access"))
            .add("refresh_token", tokens.issue(user.get(), "refresh"))
            .build());
  }

  /**
   * {@code POST /token/refresh} with the refresh token as Bearer; the refresh token is not rotated.
   */
  private void refresh(HttpExchange exchange) throws IOException {
    Optional<String> user = bearer(exchange).flatMap(token -> tokens.verify(token, "refresh"));
    if (!"POST".equals(exchange.getRequestMethod())) {
      send(exchange, 405, detail("Method Not Allowed"));
    } else if (user.isEmpty()) {
      unauthorized(exchange, "Could not validate credentials", "Bearer");
    } else {
      send(
          exchange,
          200,
          Json.createObjectBuilder()
              .add("access_token", tokens.issue(user.get(), "access"))
              .build());
    }
  }

  /** A Bearer header takes precedence and must hold an access token; otherwise HTTP Basic. */
  private Optional<String> authenticatedUser(HttpExchange exchange) {
    Optional<String> token = bearer(exchange);
    return token.isPresent() ? tokens.verify(token.get(), "access") : basicUser(exchange);
  }

  private static Optional<String> bearer(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    return header != null && header.startsWith("Bearer ")
        ? Optional.of(header.substring(7).strip())
        : Optional.empty();
  }

  private Optional<String> basicUser(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Basic ")) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String user = decoded.substring(0, colon);
    boolean userOk = same(user, settings.username());
    boolean passwordOk = same(decoded.substring(colon + 1), settings.password());
    return userOk && passwordOk ? Optional.of(user) : Optional.empty();
  }

  private static boolean same(String given, String expected) {
    return MessageDigest.isEqual(
        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }

  private static void unauthorized(HttpExchange exchange, String detail, String scheme)
      throws IOException {
    exchange.getResponseHeaders().add("WWW-Authenticate", scheme);
    send(exchange, 401, detail(detail));
  }

  private static JsonObject status(String text) {
    return Json.createObjectBuilder().add("status", text).build();
  }

  private static JsonObject detail(String text) {
    return Json.createObjectBuilder().add("detail", text).build();
  }

  private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

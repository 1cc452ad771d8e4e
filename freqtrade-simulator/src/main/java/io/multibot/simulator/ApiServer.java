package io.multibot.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * freqtrade's REST API under {@code /api/v1}: the same paths, methods, status codes and bodies
 * (FastAPI's {@code {"detail": ...}} errors, {@code {"error": ...}} with 502 for the bot's
 * refusals), HTTP Basic or Bearer JWT on every route but {@code /ping}, and the faults the knobs
 * ask for.
 */
final class ApiServer {

  private static final String PREFIX = "/api/v1/";
  private static final String BOTS = "/bots/";
  private static final String SIMULATOR = "/_simulator/";

  private final ApiServerSettings settings;
  private final List<Endpoints> endpoints;
  private final Authenticator authenticator;
  private final Faults faults;
  private final RateLimits rateLimits;
  private final boolean tokenRoutes;
  private final boolean controlRoutes;
  private HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  /**
   * @param endpoints the bots served: the first at {@code /api/v1}, bot {@code k} also at {@code
   *     /bots/k/api/v1}
   */
  ApiServer(ApiServerSettings settings, List<Endpoints> endpoints, Tokens tokens, Knobs knobs) {
    this.settings = settings;
    this.endpoints = List.copyOf(endpoints);
    this.authenticator = new Authenticator(settings, tokens);
    this.faults = new Faults(knobs);
    this.rateLimits = knobs.rateLimits() ? new RateLimits() : null;
    this.tokenRoutes = knobs.tokenRoutes();
    this.controlRoutes = knobs.controlRoutes();
  }

  int start() throws IOException {
    // uvicorn, which freqtrade runs on, sets TCP_NODELAY; without it the JDK server answers each
    // keep-alive request about 40 ms late (Nagle against the client's delayed ACK). Read once, when
    // the JDK's server classes load, so it is set before the first server is made.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    server =
        HttpServer.create(
            new InetSocketAddress(settings.listenAddress(), settings.listenPort()), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
    return server.getAddress().getPort();
  }

  void stop() {
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Optional<Endpoints> bot = bot(path);
      if (bot.isPresent() && path.startsWith(BOTS)) {
        path = path.substring(path.indexOf('/', BOTS.length()));
      }
      if (bot.isPresent() && controlRoutes && path.startsWith(SIMULATOR)) {
        simulator(exchange, bot.get(), path.substring(SIMULATOR.length()));
        return;
      }
      if (bot.isEmpty() || !path.startsWith(PREFIX)) {
        send(exchange, 404, detail("Not Found"));
        return;
      }
      api(exchange, bot.get(), path.substring(PREFIX.length()));
    }
  }

  /** A route under {@code /api/v1}, after the faults the knobs ask for. */
  private void api(HttpExchange exchange, Endpoints bot, String route) throws IOException {
    try {
      faults.exitIfAsked(route);
      faults.hangIfAsked(route);
      faults.delay(route);
      if (faults.failNow(route)) {
        sendText(exchange, 500, "Internal Server Error");
        return;
      }
      if (route.startsWith("token/") && !tokenRoutes) {
        send(exchange, 404, detail("Not Found"));
        return;
      }
      switch (route) {
        case "token/login" -> authenticator.login(exchange);
        case "token/refresh" -> authenticator.refresh(exchange);
        default -> route(exchange, bot, route);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Which bot a path names: {@code /bots/k/...} is bot k, any other path the first bot. */
  private Optional<Endpoints> bot(String path) {
    if (!path.startsWith(BOTS)) {
      return Optional.of(endpoints.get(0));
    }
    int end = path.indexOf('/', BOTS.length());
    String number = end < 0 ? "" : path.substring(BOTS.length(), end);
    if (number.isEmpty() || number.length() > 5 || !number.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    int k = Integer.parseInt(number);
    return k < endpoints.size() ? Optional.of(endpoints.get(k)) : Optional.empty();
  }

  private void route(HttpExchange exchange, Endpoints bot, String route) throws IOException {
    Optional<Endpoints.Route> found = bot.find(exchange.getRequestMethod(), route);
    if (found.isEmpty()) {
      boolean known = bot.knowsPath(route);
      send(exchange, known ? 405 : 404, detail(known ? "Method Not Allowed" : "Not Found"));
      return;
    }
    if (found.get().authenticated() && authenticator.user(exchange).isEmpty()) {
      Authenticator.unauthorized(exchange, "Unauthorized", "Basic");
      return;
    }
    Optional<Duration> limited = rateLimited(exchange, route);
    if (limited.isPresent()) {
      long seconds = Math.max(1, (limited.get().toMillis() + 999) / 1000);
      exchange.getResponseHeaders().add("Retry-After", String.valueOf(seconds));
      send(exchange, 429, detail("Too Many Requests"));
      return;
    }
    answer(exchange, route, found.get());
  }

  /** The simulator's own routes: signed in, no faults, no rate limits. */
  private void simulator(HttpExchange exchange, Endpoints bot, String route) throws IOException {
    Optional<Endpoints.Route> found = bot.findSimulatorRoute(exchange.getRequestMethod(), route);
    if (found.isEmpty()) {
      send(exchange, 404, detail("Not Found"));
    } else if (authenticator.user(exchange).isEmpty()) {
      Authenticator.unauthorized(exchange, "Unauthorized", "Basic");
    } else {
      answer(exchange, route, found.get());
    }
  }

  private Optional<Duration> rateLimited(HttpExchange exchange, String route) {
    if (rateLimits == null) {
      return Optional.empty();
    }
    String client = exchange.getRemoteAddress().getAddress().getHostAddress();
    return rateLimits.admit(client, route, System.nanoTime());
  }

  private void answer(HttpExchange exchange, String route, Endpoints.Route handler)
      throws IOException {
    try {
      Request request = new Request(route, query(exchange), body(exchange));
      send(exchange, 200, handler.handler().apply(request));
    } catch (ApiError e) {
      send(exchange, e.status(), e.body());
    } catch (RpcException e) {
      send(
          exchange,
          502,
          Jsons.createObjectBuilder()
              .add("error", "Error querying " + PREFIX + route + ": " + e.getMessage())
              .build());
    }
  }

  private static JsonValue body(HttpExchange exchange) throws IOException {
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readAllBytes();
    }
    if (bytes.length == 0) {
      return JsonValue.NULL;
    }
    try (JsonReader reader =
        Jsons.createReader(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
      return reader.readValue();
    } catch (JsonParsingException e) {
      throw Request.invalid("json_invalid", "body", null, "JSON decode error", null);
    }
  }

  private static Map<String, List<String>> query(HttpExchange exchange) {
    Map<String, List<String>> query = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int equals = pair.indexOf('=');
      String name =
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value =
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  static JsonObject detail(String text) {
    return Jsons.createObjectBuilder().add("detail", text).build();
  }

  static void send(HttpExchange exchange, int status, JsonValue body) throws IOException {
    write(exchange, status, "application/json", body.toString());
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    write(exchange, status, "text/plain; charset=utf-8", text);
  }

  private static void write(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

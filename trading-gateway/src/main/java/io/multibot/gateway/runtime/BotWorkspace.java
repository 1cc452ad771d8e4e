package io.multibot.gateway.runtime;

import io.multibot.common.command.LaunchSpec;
import io.multibot.common.json.Jsons;
import io.multibot.gateway.bot.BotEndpoint;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A managed bot's own directory and what it is started with: {@code config.json} (the stored config
 * with an API server on 127.0.0.1, a free port and a fresh user per launch), the strategy source in
 * {@code user_data/strategies}, the log in {@code logs/}. Passwords, the JWT secret and exchange
 * secrets go to the process as {@code FREQTRADE__...} environment variables, never to disk; the
 * process sees none of the gateway's own environment beyond what running a program needs.
 */
final class BotWorkspace {

  static final String CONFIG = "config.json";
  static final String PID_FILE = "bot.pid";
  static final String LOG_FILE = "logs/freqtrade.log";
  static final String CONSOLE_FILE = "logs/console.log";

  /** Where a running bot answers, with its password sealed, for a later gateway to adopt it. */
  static final String RUNTIME_FILE = "runtime.json";

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern STRATEGY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");
  private static final List<String> INHERITED =
      List.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "VIRTUAL_ENV", "PYTHONPATH");

  /** The launch's secrets by name → freqtrade's environment variables (its env overrides). */
  private static final Map<String, String> SECRET_VARIABLES =
      Map.of(
          "key",
          "FREQTRADE__EXCHANGE__KEY",
          "secret",
          "FREQTRADE__EXCHANGE__SECRET",
          "password",
          "FREQTRADE__EXCHANGE__PASSWORD",
          LaunchSpec.TELEGRAM_TOKEN,
          "FREQTRADE__TELEGRAM__TOKEN",
          LaunchSpec.TELEGRAM_CHAT_ID,
          "FREQTRADE__TELEGRAM__CHAT_ID",
          LaunchSpec.DISCORD_WEBHOOK_URL,
          "FREQTRADE__DISCORD__WEBHOOK_URL");

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A prepared launch: the command line, its environment and where the bot answers. */
  record Launch(
      List<String> command, Map<String, String> environment, Path directory, BotEndpoint endpoint) {

    Path logFile() {
      return directory.resolve(LOG_FILE);
    }

    Path consoleFile() {
      return directory.resolve(CONSOLE_FILE);
    }

    @Override
    public String toString() {
      return "Launch[" + command + ", in " + directory + ", " + endpoint + "]";
    }
  }

  private BotWorkspace() {}

  /** The directory of this bot under the workspaces, refusing ids that could leave it. */
  static Path directory(Path workspaces, String botId) {
    if (!SAFE_ID.matcher(botId).matches()) {
      throw new IllegalArgumentException("not a usable bot id: " + botId);
    }
    return workspaces.resolve(botId);
  }

  static Launch prepare(RuntimeSettings settings, LaunchSpec spec, int port) throws IOException {
    if (!STRATEGY.matcher(spec.strategyName()).matches()) {
      throw new IllegalArgumentException("not a strategy class name: " + spec.strategyName());
    }
    Path dir = Files.createDirectories(directory(settings.workspaces(), spec.botId()));
    Path strategies = Files.createDirectories(dir.resolve("user_data/strategies"));
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(
        strategies.resolve(spec.strategyName() + ".py"),
        spec.strategySource(),
        StandardCharsets.UTF_8);
    String username = "multibot";
    String password = random(24);
    writePrivate(dir.resolve(CONFIG), config(spec, port, username).toString());
    Map<String, String> env = environment(spec);
    env.put("FREQTRADE__API_SERVER__PASSWORD", password);
    env.put("FREQTRADE__API_SERVER__JWT_SECRET_KEY", random(32));
    List<String> command = new ArrayList<>(settings.command());
    command.addAll(
        List.of(
            "trade",
            "--config",
            dir.resolve(CONFIG).toString(),
            "--strategy",
            spec.strategyName(),
            "--userdir",
            dir.resolve("user_data").toString(),
            "--logfile",
            dir.resolve(LOG_FILE).toString()));
    BotEndpoint endpoint =
        new BotEndpoint(spec.botId(), URI.create("http://127.0.0.1:" + port), username, password);
    return new Launch(command, env, dir, endpoint);
  }

  /** The stored config, with the bot's name, its strategy, a running start and our API server. */
  private static JsonObject config(LaunchSpec spec, int port, String username) {
    JsonObject stored;
    try (JsonReader reader = Jsons.createReader(new StringReader(spec.config()))) {
      stored = reader.readObject();
    }
    JsonObjectBuilder config = Jsons.createObjectBuilder(stored);
    config.add("bot_name", spec.botName());
    config.add("strategy", spec.strategyName());
    config.add("initial_state", "running");
    config.add(
        "api_server",
        Jsons.createObjectBuilder()
            .add("enabled", true)
            .add("listen_ip_address", "127.0.0.1")
            .add("listen_port", port)
            .add("username", username));
    return config.build();
  }

  private static Map<String, String> environment(LaunchSpec spec) {
    Map<String, String> env = new HashMap<>();
    for (String name : INHERITED) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    spec.exchangeSecrets()
        .forEach(
            (name, value) -> {
              String variable = SECRET_VARIABLES.get(name);
              if (variable != null && !value.isEmpty()) {
                env.put(variable, value);
              }
            });
    // freqtrade sends its own notifications only when the section is enabled
    if (env.containsKey("FREQTRADE__TELEGRAM__TOKEN")
        && env.containsKey("FREQTRADE__TELEGRAM__CHAT_ID")) {
      env.put("FREQTRADE__TELEGRAM__ENABLED", "true");
    }
    if (env.containsKey("FREQTRADE__DISCORD__WEBHOOK_URL")) {
      env.put("FREQTRADE__DISCORD__ENABLED", "true");
    }
    return env;
  }

  /** Records where the launched bot answers (password sealed), for a later gateway. */
  static void recordRuntime(Launch launch, Sealer sealer) throws IOException {
    BotEndpoint endpoint = launch.endpoint();
    writePrivate(
        launch.directory().resolve(RUNTIME_FILE),
        Jsons.createObjectBuilder()
            .add("url", endpoint.baseUrl().toString())
            .add("username", endpoint.username())
            .add("password", sealer.seal(endpoint.password()))
            .build()
            .toString());
  }

  /** The endpoint an earlier gateway recorded for this workspace, if this key can read it. */
  static java.util.Optional<Launch> recordedRuntime(Path directory, Sealer sealer) {
    Path file = directory.resolve(RUNTIME_FILE);
    if (!Files.isRegularFile(file)) {
      return java.util.Optional.empty();
    }
    try (JsonReader reader = Jsons.createReader(Files.newBufferedReader(file))) {
      JsonObject runtime = reader.readObject();
      return sealer
          .unseal(runtime.getString("password"))
          .map(
              password ->
                  new Launch(
                      List.of(),
                      Map.of(),
                      directory,
                      new BotEndpoint(
                          java.util.Objects.toString(directory.getFileName(), ""),
                          URI.create(runtime.getString("url")),
                          runtime.getString("username"),
                          password)));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  private static void writePrivate(Path file, String text) throws IOException {
    Files.deleteIfExists(file);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** Random URL-safe text from {@code bytes} random bytes; starts with a letter. */
  private static String random(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return "k" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }
}

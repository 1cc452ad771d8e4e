package io.multibot.gateway.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.common.command.LaunchSpec;
import io.multibot.common.status.ProcessEvent;
import io.multibot.common.status.ProcessState;
import io.multibot.gateway.bot.BotEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed bots as real child processes (the simulator), launched, killed, restarted, stopped. */
class SupervisorIT {

  private static final String CONFIG =
      "{\"dry_run\": true, \"stake_currency\": \"USDT\", \"stake_amount\": 10,"
          + " \"max_open_trades\": 2, \"timeframe\": \"5m\", \"exchange\": {\"name\": \"binance\","
          + " \"pair_whitelist\": [\"BTC/USDT\"]}, \"simulator\": {\"tick_ms\": 200}}";
  private static final String EXCHANGE_SECRET = "exchange-secret-" + UUID.randomUUID();

  private static final io.multibot.common.stream.StreamSecurity KEY =
      io.multibot.common.stream.StreamSecurity.fromBase64(
          "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
  static final Sealer SEALER = Sealer.of(KEY::encrypt, KEY::decrypt);

  @TempDir private Path dir;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  private final BlockingQueue<ProcessEvent> events = new LinkedBlockingQueue<>();
  private final List<BotEndpoint> retired = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Supervisor> supervisors = new java.util.ArrayList<>();

  @AfterEach
  void stopEverything() {
    supervisors.forEach(Supervisor::close);
    scheduler.shutdownNow();
  }

  private Supervisor supervisor(int maxRestarts) {
    Supervisor supervisor =
        new Supervisor(settings(maxRestarts), scheduler, events::add, Clock.systemUTC(), SEALER);
    supervisor.onRetired(retired::add);
    supervisors.add(supervisor);
    return supervisor;
  }

  private RuntimeSettings settings(int maxRestarts) {
    return settings(dir, maxRestarts);
  }

  /** Managed bots run the simulator jar, workspaces under {@code dir}, short waits. */
  static RuntimeSettings settings(Path dir, int maxRestarts) {
    return new RuntimeSettings(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            System.getProperty("simulator.jar")),
        dir.resolve("bots"),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofMillis(100),
        Duration.ofSeconds(1),
        maxRestarts,
        Duration.ofMinutes(5),
        20,
        false,
        Duration.ofMinutes(10));
  }

  private static LaunchSpec spec(String strategy, String source, String policy) {
    return new LaunchSpec(
        "bot-" + UUID.randomUUID(),
        "managed-test",
        CONFIG,
        strategy,
        source,
        policy,
        Map.of("key", "exchange-key", "secret", EXCHANGE_SECRET));
  }

  private static LaunchSpec spec(String policy) {
    return spec("ManagedStrategy", "class ManagedStrategy(IStrategy):\n    pass\n", policy);
  }

  private ProcessEvent next(ProcessEvent.Kind kind) throws InterruptedException {
    ProcessEvent event;
    do {
      event = events.poll(60, TimeUnit.SECONDS);
      assertThat(event).as("a %s event", kind).isNotNull();
    } while (event.kind() != kind);
    return event;
  }

  private static HttpResponse<String> get(BotEndpoint bot, String route) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (bot.username() + ":" + bot.password()).getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(bot.baseUrl() + "/api/v1/" + route))
                .header("Authorization", "Basic " + basic)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStartedBotRunsItsStrategyWithSecretsOnlyInItsEnvironment() throws Exception {
    Supervisor supervisor = supervisor(3);
    LaunchSpec spec = spec("always");

    Supervisor.Started started = supervisor.start(spec);

    assertThat(started.endpoint()).as(started.reason() + started.logLines()).isPresent();
    BotEndpoint bot = started.endpoint().get();
    assertThat(bot.baseUrl().getHost()).isEqualTo("127.0.0.1");
    HttpResponse<String> config = get(bot, "show_config");
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body())
        .contains(
            "\"state\":\"running\"",
            "\"strategy\":\"ManagedStrategy\"",
            "\"bot_name\":\"managed-test\"");
    assertThat(next(ProcessEvent.Kind.STARTED).botId()).isEqualTo(spec.botId());
    assertThat(supervisor.status(spec.botId()).orElseThrow().state())
        .isEqualTo(ProcessState.RUNNING);
    Path workspace = dir.resolve("bots").resolve(spec.botId());
    assertThat(workspace.resolve("user_data/strategies/ManagedStrategy.py"))
        .hasContent(spec.strategySource());
    try (Stream<Path> files = Files.walk(workspace)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file))
            .as("%s holds no secret", file)
            .doesNotContain(EXCHANGE_SECRET)
            .doesNotContain(bot.password());
      }
    }
  }

  /**
   * freqtrade's own Telegram and Discord notifications: their secrets reach the process as
   * freqtrade's environment overrides, with the sections enabled, and never its files; a secret
   * name this gateway does not know is ignored (a newer management may send more).
   */
  @Test
  void notificationSecretsGoToTheEnvironmentOnlyAndEnableTheirSections() throws Exception {
    String token = "123456:telegram-token-" + UUID.randomUUID();
    String webhook = "https://discord.example/api/webhooks/1/" + UUID.randomUUID();
    LaunchSpec spec =
        new LaunchSpec(
            "bot-" + UUID.randomUUID(),
            "notifying",
            CONFIG,
            "ManagedStrategy",
            "class ManagedStrategy(IStrategy):\n    pass\n",
            "never",
            Map.of(
                LaunchSpec.TELEGRAM_TOKEN,
                token,
                LaunchSpec.TELEGRAM_CHAT_ID,
                "-100200300",
                LaunchSpec.DISCORD_WEBHOOK_URL,
                webhook,
                "a_future_secret",
                "ignored"));

    BotWorkspace.Launch launch = BotWorkspace.prepare(settings(3), spec, freePort());

    assertThat(launch.environment())
        .containsEntry("FREQTRADE__TELEGRAM__TOKEN", token)
        .containsEntry("FREQTRADE__TELEGRAM__CHAT_ID", "-100200300")
        .containsEntry("FREQTRADE__TELEGRAM__ENABLED", "true")
        .containsEntry("FREQTRADE__DISCORD__WEBHOOK_URL", webhook)
        .containsEntry("FREQTRADE__DISCORD__ENABLED", "true")
        .doesNotContainValue("ignored");
    try (Stream<Path> files = Files.walk(launch.directory())) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(file)).as("%s", file).doesNotContain(token, webhook);
      }
    }
    LaunchSpec quiet = spec("never");
    assertThat(BotWorkspace.prepare(settings(3), quiet, freePort()).environment())
        .doesNotContainKeys("FREQTRADE__TELEGRAM__ENABLED", "FREQTRADE__DISCORD__ENABLED");
  }

  @Test
  void aKilledBotIsStartedAgainByItsPolicy() throws Exception {
    Supervisor supervisor = supervisor(3);
    LaunchSpec spec = spec("on-failure");
    BotEndpoint first = supervisor.start(spec).endpoint().orElseThrow();
    next(ProcessEvent.Kind.STARTED);
    long pid = supervisor.status(spec.botId()).orElseThrow().pid();

    ProcessHandle.of(pid).orElseThrow().destroyForcibly();

    ProcessEvent exit = next(ProcessEvent.Kind.EXITED);
    assertThat(exit.exitCode()).isEqualTo(137);
    assertThat(exit.detail()).startsWith("restart 1 in");
    next(ProcessEvent.Kind.STARTED);
    ManagedStatus status = supervisor.status(spec.botId()).orElseThrow();
    assertThat(status.state()).isEqualTo(ProcessState.RUNNING);
    assertThat(status.pid()).isNotEqualTo(pid);
    assertThat(status.restarts()).isEqualTo(1);
    BotEndpoint second = supervisor.endpoint(spec.botId()).orElseThrow();
    assertThat(second.password()).as("fresh credentials per launch").isNotEqualTo(first.password());
    assertThat(get(second, "ping").statusCode()).isEqualTo(200);
    assertThat(retired).as("the killed launch's endpoint is retired").containsExactly(first);
  }

  @Test
  void aBotThatKeepsFailingEndsCrashedWithItsLastLogLines() throws Exception {
    Supervisor supervisor = supervisor(2);
    LaunchSpec spec = spec("Missing", "class SomethingElse(IStrategy):\n    pass\n", "always");

    Supervisor.Started started = supervisor.start(spec);

    assertThat(started.endpoint()).isEmpty();
    assertThat(started.reason()).contains("exited with code 1");
    assertThat(started.logLines())
        .anyMatch(line -> line.contains("Impossible to load Strategy 'Missing'"));
    ProcessEvent crashed = next(ProcessEvent.Kind.CRASHED);
    assertThat(crashed.exitCode()).isEqualTo(1);
    assertThat(crashed.logLines()).anyMatch(line -> line.contains("Impossible to load Strategy"));
    ManagedStatus status = supervisor.status(spec.botId()).orElseThrow();
    assertThat(status.state()).isEqualTo(ProcessState.CRASHED);
    assertThat(status.restarts()).isEqualTo(2);
    assertThat(status.lastLogLines()).isNotEmpty();
  }

  @Test
  void aStopIsGracefulAndIsNotFollowedByARestart() throws Exception {
    Supervisor supervisor = supervisor(3);
    LaunchSpec spec = spec("always");
    BotEndpoint endpoint = supervisor.start(spec).endpoint().orElseThrow();
    long pid = supervisor.status(spec.botId()).orElseThrow().pid();

    assertThat(supervisor.stop(spec.botId())).as("ended within the grace period").isTrue();
    assertThat(retired).as("the stopped launch's endpoint is retired").containsExactly(endpoint);

    assertThat(next(ProcessEvent.Kind.STOPPED).exitCode()).isEqualTo(143);
    assertThat(ProcessHandle.of(pid)).isEmpty();
    assertThat(supervisor.status(spec.botId()).orElseThrow().state())
        .isEqualTo(ProcessState.STOPPED);
    assertThat(supervisor.endpoint(spec.botId())).isEmpty();
    assertThat(
            Files.readString(
                dir.resolve("bots").resolve(spec.botId()).resolve(BotWorkspace.LOG_FILE)))
        .contains("SIGTERM received");
  }

  @Test
  void aBotWhosePolicyIsNeverStaysStoppedWithItsExitCode() throws Exception {
    Supervisor supervisor = supervisor(3);
    LaunchSpec spec = spec("never");
    supervisor.start(spec).endpoint().orElseThrow();
    ProcessHandle.of(supervisor.status(spec.botId()).orElseThrow().pid())
        .orElseThrow()
        .destroyForcibly();

    ProcessEvent exit = next(ProcessEvent.Kind.EXITED);

    assertThat(exit.detail()).isEqualTo("not restarted (policy never)");
    ManagedStatus status = supervisor.status(spec.botId()).orElseThrow();
    assertThat(status.state()).isEqualTo(ProcessState.STOPPED);
    assertThat(status.lastExitCode()).isEqualTo(137);
  }

  @Test
  void aProcessLeftByAnEarlierGatewayIsEndedBeforeTheBotStartsAgain() throws Exception {
    LaunchSpec spec = spec("always");
    // What a gateway that died without stopping its bots leaves: a running bot and its pid file.
    Process leftover = Processes.start(BotWorkspace.prepare(settings(3), spec, 0));
    Thread.sleep(500);
    assertThat(leftover.isAlive()).isTrue();

    Supervisor.Started started = supervisor(3).start(spec);

    assertThat(started.endpoint()).as(started.reason()).isPresent();
    assertThat(leftover.waitFor(10, TimeUnit.SECONDS)).as("the leftover ended").isTrue();
    assertThat(get(started.endpoint().get(), "ping").statusCode()).isEqualTo(200);
  }

  @Test
  void aBotLeftRunningByAnEarlierGatewayIsAdoptedAndSupervised() throws Exception {
    LaunchSpec spec = spec("always");
    // What a gateway that stopped and left its bot running leaves: the process, its pid file and
    // its endpoint with the password sealed.
    BotWorkspace.Launch left = BotWorkspace.prepare(settings(3), spec, freePort());
    Process running = Processes.start(left);
    BotWorkspace.recordRuntime(left, SEALER);
    Supervisor supervisor = supervisor(3);
    assertThat(awaitAdoptable(supervisor, spec.botId())).isTrue();

    Supervisor.Started started = supervisor.start(spec);

    assertThat(started.endpoint()).as(started.reason()).contains(left.endpoint());
    assertThat(supervisor.status(spec.botId()).orElseThrow().pid()).isEqualTo(running.pid());
    assertThat(next(ProcessEvent.Kind.STARTED).detail()).contains("adopted");
    running.toHandle().destroyForcibly();
    ProcessEvent exit = next(ProcessEvent.Kind.EXITED);
    assertThat(exit.exitCode()).as("not our child: code unknown").isEqualTo(-1);
    next(ProcessEvent.Kind.STARTED);
    long relaunched = supervisor.status(spec.botId()).orElseThrow().pid();
    assertThat(relaunched).isNotEqualTo(running.pid());
    assertThat(supervisor.stop(spec.botId())).isTrue();
    assertThat(ProcessHandle.of(relaunched).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void aProcessWhoseRecordedPasswordThisKeyCannotReadIsNotAdopted() throws Exception {
    LaunchSpec spec = spec("always");
    BotWorkspace.Launch left = BotWorkspace.prepare(settings(3), spec, freePort());
    Process running = Processes.start(left);
    BotWorkspace.recordRuntime(
        left, Sealer.of(plain -> "other-key:" + plain, s -> Optional.empty()));

    Supervisor.Started started = supervisor(3).start(spec);

    assertThat(started.endpoint()).isPresent();
    assertThat(running.waitFor(10, TimeUnit.SECONDS)).as("the unknown leftover ended").isTrue();
  }

  private static boolean awaitAdoptable(Supervisor supervisor, String botId)
      throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      if (supervisor.adoptable(botId)) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void terminateEscalatesToSigkillWhenSigtermIsIgnored() throws IOException {
    Process stubborn =
        new ProcessBuilder("bash", "-c", "trap '' TERM; echo ready; while true; do sleep 0.1; done")
            .start();
    try (var out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(stubborn.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(out.readLine()).isEqualTo("ready");
    }

    boolean graceful = Processes.terminate(stubborn.toHandle(), Duration.ofMillis(500));

    assertThat(graceful).isFalse();
    assertThat(stubborn.isAlive()).isFalse();
  }
}

package io.multibot.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * {@code java -jar freqtrade-simulator.jar trade --config FILE [--config FILE2 ...] [--strategy
 * NAME] [--userdir DIR] [--logfile FILE]}, as freqtrade is started.
 */
public final class SimulatorMain {

  private SimulatorMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    CommandLine command = CommandLine.parse(args);
    SimulatorConfig config = SimulatorConfig.load(command.configs(), System.getenv());
    LogBuffer buffer = new LogBuffer();
    Consumer<String> log = logger(command.logfile(), buffer);
    String strategy =
        command.strategy() != null ? command.strategy() : config.text("strategy", "SampleStrategy");
    if (command.userdir() != null && !StrategyFiles.defines(command.userdir(), strategy)) {
      log.accept(
          "Impossible to load Strategy '"
              + strategy
              + "'. This class does not exist or contains"
              + " Python code errors.");
      System.exit(1);
    }
    Knobs knobs = Knobs.of(config.section("simulator"), config.text("bot_name", "freqtrade"));
    Instant started = Instant.now();
    List<SimulatedBot> bots = new ArrayList<>();
    List<Endpoints> endpoints = new ArrayList<>();
    serve(config, strategy, knobs, new InfoReports(started, buffer), log, bots, endpoints);
    ApiServer api = api(config, endpoints, knobs, log);
    ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    loop.scheduleAtFixedRate(
        () -> bots.forEach(bot -> bot.process(Instant.now())),
        knobs.tickMillis(),
        knobs.tickMillis(),
        TimeUnit.MILLISECONDS);
    log.accept(
        "Bot heartbeat. PID="
            + ProcessHandle.current().pid()
            + ", state='"
            + bots.get(0).state().apiName()
            + "'"
            + (bots.size() > 1 ? ", serving " + bots.size() + " bots under /bots/{k}" : ""));
    awaitTermination(log, api, loop);
  }

  /** The bots the process serves ({@code knobs.bots()}), each with its own trader and routes. */
  private static void serve(
      SimulatorConfig config,
      String strategy,
      Knobs knobs,
      InfoReports info,
      Consumer<String> log,
      List<SimulatedBot> bots,
      List<Endpoints> endpoints) {
    Instant started = info.botStart();
    for (int k = 0; k < knobs.bots(); k++) {
      String prefix = "bot " + k + ": ";
      Consumer<String> botLog = k == 0 ? log : line -> log.accept(prefix + line);
      Trader trader = traderWithHistory(config, strategy, knobs, knobs.seed() + k, botLog, started);
      SimulatedBot bot = new SimulatedBot(config, strategy, knobs.apiVersion(), trader, botLog);
      bots.add(bot);
      endpoints.add(endpoints(config, bot, trader, info, started));
    }
  }

  /**
   * The dry run, with the candles before this start already traded, as if the bot had run then
   * (freqtrade keeps its trades in a database); nothing is logged for the replay. With a {@code
   * db_url} (one bot per process) the trades a previous run kept are read back instead, and every
   * change is kept ({@link TradeDatabase}).
   */
  private static Trader traderWithHistory(
      SimulatorConfig config,
      String strategy,
      Knobs knobs,
      long seed,
      Consumer<String> log,
      Instant now) {
    AtomicBoolean replaying = new AtomicBoolean(true);
    Trader trader =
        new Trader(
            TradingSettings.of(config),
            StrategyRule.of(strategy, config.number("stoploss", StrategyRule.DEFAULT_STOPLOSS)),
            new Market(seed),
            message -> {
              if (!replaying.get()) {
                log.accept(message);
              }
            });
    Optional<TradeDatabase> database =
        knobs.bots() == 1 ? TradeDatabase.of(config.text("db_url", null)) : Optional.empty();
    Optional<List<Trade>> kept = database.flatMap(TradeDatabase::load);
    if (kept.isPresent()) {
      trader.restore(kept.get());
    } else {
      Duration candle = Duration.ofMinutes(Timeframes.minutes(config.text("timeframe", "5m")));
      for (int k = knobs.historyCandles(); k > 0; k--) {
        trader.step(now.minus(candle.multipliedBy(k)), true);
      }
    }
    replaying.set(false);
    database.ifPresent(trader::keepIn);
    return trader;
  }

  private static Endpoints endpoints(
      SimulatorConfig config, SimulatedBot bot, Trader trader, InfoReports info, Instant started) {
    String exchange = config.section("exchange").getString("name", "");
    TradeJson json = new TradeJson(trader.settings(), exchange, bot.strategy());
    Reports reports =
        new Reports(
            new TradeReports(trader, json, Instant::now),
            new ProfitReports(trader, Instant::now, started),
            info);
    return new Endpoints(bot, reports, Instant::now);
  }

  private static ApiServer api(
      SimulatorConfig config, List<Endpoints> endpoints, Knobs knobs, Consumer<String> log)
      throws IOException {
    ApiServerSettings settings = ApiServerSettings.of(config.section("api_server"));
    ApiServer api =
        new ApiServer(
            settings, endpoints, new Tokens(settings.jwtSecret(), Clock.systemUTC()), knobs);
    if (settings.enabled()) {
      int port = api.start();
      log.accept("Starting HTTP Server at " + settings.listenAddress() + ":" + port);
    } else {
      log.accept("API server is disabled (api_server.enabled is false): no REST API is served.");
    }
    return api;
  }

  private static void awaitTermination(
      Consumer<String> log, ApiServer api, ScheduledExecutorService loop)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.accept("SIGTERM received, stopping the API server");
                  loop.shutdownNow();
                  api.stop();
                  stopped.countDown();
                }));
    stopped.await();
  }

  /** Lines as freqtrade writes them: time, logger, level, message; also kept for {@code /logs}. */
  private static Consumer<String> logger(Path file, LogBuffer buffer) {
    PrintStream err = System.err;
    return message -> {
      Instant now = Instant.now();
      buffer.add(now, "freqtrade.simulator", "INFO", message);
      String line = now + " - freqtrade.simulator - INFO - " + message;
      err.println(line);
      if (file != null) {
        try {
          Files.writeString(
              file,
              line + System.lineSeparator(),
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        } catch (IOException e) {
          err.println("cannot write the log file " + file + ": " + e.getMessage());
        }
      }
    };
  }

  /** The freqtrade arguments the simulator understands. */
  record CommandLine(List<Path> configs, String strategy, Path userdir, Path logfile) {

    static CommandLine parse(String[] args) {
      if (args.length == 0 || !"trade".equals(args[0])) {
        throw new IllegalArgumentException(
            "usage: trade --config FILE [--config FILE ...] [--strategy NAME] [--userdir DIR] [--logfile FILE]");
      }
      List<Path> configs = new ArrayList<>();
      String strategy = null;
      Path userdir = null;
      Path logfile = null;
      for (int i = 1; i < args.length - 1; i += 2) {
        switch (args[i]) {
          case "--config", "-c" -> configs.add(Path.of(args[i + 1]));
          case "--strategy", "-s" -> strategy = args[i + 1];
          case "--userdir", "--user-data-dir" -> userdir = Path.of(args[i + 1]);
          case "--logfile" -> logfile = Path.of(args[i + 1]);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (configs.isEmpty()) {
        configs.add(Path.of("config.json"));
      }
      return new CommandLine(configs, strategy, userdir, logfile);
    }
  }
}

package io.multibot.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
    Consumer<String> log = logger(command.logfile());
    String strategy =
        command.strategy() != null ? command.strategy() : config.text("strategy", "SampleStrategy");
    SimulatedBot bot = new SimulatedBot(config, strategy, log);
    ApiServerSettings settings = ApiServerSettings.of(config.section("api_server"));
    ApiServer api =
        new ApiServer(settings, bot, new Tokens(settings.jwtSecret(), Clock.systemUTC()));
    if (settings.enabled()) {
      int port = api.start();
      log.accept("Starting HTTP Server at " + settings.listenAddress() + ":" + port);
    } else {
      log.accept("API server is disabled (api_server.enabled is false): no REST API is served.");
    }
    log.accept(
        "Bot heartbeat. PID="
            + ProcessHandle.current().pid()
            + ", state='"
            + bot.state().apiName()
            + "'");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.accept("SIGTERM received, stopping the API server");
                  api.stop();
                  stopped.countDown();
                }));
    stopped.await();
  }

  /** Lines as freqtrade writes them: time, logger, level, message. */
  private static Consumer<String> logger(Path file) {
    PrintStream err = System.err;
    return message -> {
      String line = Instant.now() + " - freqtrade.simulator - INFO - " + message;
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

package io.multibot.gateway.runtime;

import io.multibot.common.status.ProcessEvent;
import io.multibot.gateway.bot.BotEndpoint;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where a {@link Supervisor} reports: each runtime event to its listener, and the endpoint of every
 * launch that ended (stopped, exited, crashed) to whoever keeps per-endpoint state. Each launch has
 * its own port and password, so the bot client's sessions, circuit, bulkhead and rate windows for
 * it can be dropped; without that they piled up with every relaunch ({@code SupervisorIT} catches a
 * breach). A failing receiver is logged, never the supervisor's problem.
 */
final class SupervisorOutlets {

  private static final Logger LOG = Logger.getLogger(Supervisor.class.getName());

  private final ProcessEvent.Listener listener;
  private volatile Consumer<BotEndpoint> retired = endpoint -> {};

  SupervisorOutlets(ProcessEvent.Listener listener) {
    this.listener = listener;
  }

  void onRetired(Consumer<BotEndpoint> receiver) {
    this.retired = receiver;
  }

  void emit(ProcessEvent event) {
    LOG.info(() -> "bot " + event.botId() + " " + event.kind() + ": " + event.detail());
    try {
      listener.on(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a runtime event listener failed", e);
    }
  }

  void retire(BotEndpoint endpoint) {
    try {
      retired.accept(endpoint);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "forgetting an ended launch failed", e);
    }
  }
}

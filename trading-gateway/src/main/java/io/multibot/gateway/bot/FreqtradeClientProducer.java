package io.multibot.gateway.bot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The gateway's one {@link FreqtradeClient}, set up from MicroProfile Config. */
@ApplicationScoped
public class FreqtradeClientProducer {

  private final ClientSettings settings;

  @Inject
  public FreqtradeClientProducer(
      @ConfigProperty(name = "bot.client.connect-timeout", defaultValue = "PT2S")
          Duration connectTimeout,
      @ConfigProperty(name = "bot.client.read-timeout", defaultValue = "PT10S")
          Duration readTimeout,
      @ConfigProperty(name = "bot.client.circuit.failures", defaultValue = "5") int failures,
      @ConfigProperty(name = "bot.client.circuit.open-for", defaultValue = "PT30S")
          Duration openFor,
      @ConfigProperty(name = "bot.client.bulkhead", defaultValue = "4") int bulkhead,
      @ConfigProperty(name = "bot.client.rate-budget", defaultValue = "true") boolean rateBudget) {
    this.settings =
        new ClientSettings(connectTimeout, readTimeout, failures, openFor, bulkhead, rateBudget);
  }

  /** For CDI's proxy. */
  protected FreqtradeClientProducer() {
    this.settings = ClientSettings.defaults();
  }

  @Produces
  @Singleton
  FreqtradeClient client() {
    return new FreqtradeClient(Clock.systemUTC(), settings);
  }
}

package io.multibot.gateway.platform;

import io.multibot.gateway.bot.FreqtradeClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The gateway's one {@link FreqtradeClient}, set up from {@link GatewayConfig#client()}. */
@ApplicationScoped
public class FreqtradeClientProducer {

  private final GatewayConfig config;

  @Inject
  public FreqtradeClientProducer(GatewayConfig config) {
    this.config = config;
  }

  /** For CDI's proxy. */
  protected FreqtradeClientProducer() {
    this(null);
  }

  @Produces
  @Singleton
  FreqtradeClient client() {
    return new FreqtradeClient(Clock.systemUTC(), config.client());
  }
}

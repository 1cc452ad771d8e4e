package io.multibot.common.health;

import io.multibot.common.stream.StreamKeys;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the stream key that signs commands and results is usable. */
@Startup
@Dependent
public class StreamKeyStartupCheck implements HealthCheck {

  private final StreamKeys keys;

  @Inject
  public StreamKeyStartupCheck(StreamKeys keys) {
    this.keys = keys;
  }

  @Override
  public HealthCheckResponse call() {
    return keys.error()
        .map(error -> HealthCheckResponse.named("stream-key").down().withData("error", error))
        .orElseGet(() -> HealthCheckResponse.named("stream-key").up())
        .build();
  }
}

package io.multibot.common.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.spi.HealthCheckResponseProvider;

/**
 * Builds plain responses for unit tests, where Liberty's MicroProfile Health runtime is absent. The
 * integration tests exercise the same checks through Liberty's own implementation.
 */
public class PlainHealthCheckResponseProvider implements HealthCheckResponseProvider {

  @Override
  public HealthCheckResponseBuilder createResponseBuilder() {
    return new Builder();
  }

  private static final class Builder extends HealthCheckResponseBuilder {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private String name;
    private HealthCheckResponse.Status status = HealthCheckResponse.Status.DOWN;

    @Override
    public HealthCheckResponseBuilder name(String value) {
      this.name = value;
      return this;
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, String value) {
      return put(key, value);
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, long value) {
      return put(key, value);
    }

    @Override
    public HealthCheckResponseBuilder withData(String key, boolean value) {
      return put(key, value);
    }

    private HealthCheckResponseBuilder put(String key, Object value) {
      data.put(key, value);
      return this;
    }

    @Override
    public HealthCheckResponseBuilder up() {
      return status(true);
    }

    @Override
    public HealthCheckResponseBuilder down() {
      return status(false);
    }

    @Override
    public HealthCheckResponseBuilder status(boolean up) {
      status = up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN;
      return this;
    }

    @Override
    public HealthCheckResponse build() {
      return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
    }
  }
}

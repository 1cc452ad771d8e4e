package io.multibot.gateway.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

/**
 * Every default of the gateway lives in {@code META-INF/microprofile-config.properties}: the
 * settings records can be built from that file alone, and an override replaces its value.
 */
class GatewayConfigTest {

  @Test
  void theDefaultsFileAloneBuildsEverySetting() throws IOException {
    GatewayConfig config = new GatewayConfig(new MapConfig(defaults()));

    var dispatch = config.dispatch();
    assertThat(dispatch.partitions()).isEqualTo(16);
    assertThat(dispatch.block()).isEqualTo(Duration.ofSeconds(2));
    assertThat(dispatch.claimIdle()).isEqualTo(Duration.ofSeconds(90));
    assertThat(dispatch.instanceId()).isNotBlank().isEqualTo(config.dispatch().instanceId());
    assertThat(config.client().readTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.client().rateBudget()).isTrue();
    var runtime = config.runtime();
    assertThat(runtime.command()).containsExactly("freqtrade");
    assertThat(runtime.workspaces()).isEqualTo(Path.of("data", "bots"));
    assertThat(runtime.leaveOnShutdown()).isFalse();
    assertThat(config.statusInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.statusThreads()).isEqualTo(32);
    assertThat(config.streamNames().partitions()).isEqualTo(16);
    assertThat(config.dispatchEnabled()).isTrue();
  }

  @Test
  void anOverrideReplacesTheDefault() throws IOException {
    Map<String, String> values = defaults();
    values.put("dispatch.block", "PT0.5S");
    values.put("bot.runtime.command", "python -m simulator");
    values.put("multibot.data.dir", "/var/lib/multibot");
    values.put("gateway.instance-id", "gw-7");
    values.put("bot.runtime.on-shutdown", "leave");

    GatewayConfig config = new GatewayConfig(new MapConfig(values));

    assertThat(config.dispatch().block()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.dispatch().instanceId()).isEqualTo("gw-7");
    assertThat(config.runtime().command()).containsExactly("python", "-m", "simulator");
    assertThat(config.runtime().workspaces()).isEqualTo(Path.of("/var/lib/multibot", "bots"));
    assertThat(config.runtime().leaveOnShutdown()).isTrue();
  }

  private static Map<String, String> defaults() throws IOException {
    Properties file = new Properties();
    try (InputStream in =
        GatewayConfig.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
      file.load(in);
    }
    Map<String, String> values = new HashMap<>();
    file.stringPropertyNames().forEach(name -> values.put(name, file.getProperty(name)));
    return values;
  }

  /** A Config over a map, with the few conversions the gateway uses. */
  private record MapConfig(Map<String, String> values) implements Config {

    @Override
    public <T> T getValue(String name, Class<T> type) {
      return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
    }

    @Override
    public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
      String raw = values.get(name);
      if (raw == null) {
        return Optional.empty();
      }
      Object value =
          type == Integer.class
              ? Integer.valueOf(raw)
              : type == Boolean.class ? Boolean.valueOf(raw) : raw;
      return Optional.of(type.cast(value));
    }

    @Override
    public ConfigValue getConfigValue(String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<String> getPropertyNames() {
      return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
      return List.of();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> type) {
      return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
      throw new UnsupportedOperationException();
    }
  }
}

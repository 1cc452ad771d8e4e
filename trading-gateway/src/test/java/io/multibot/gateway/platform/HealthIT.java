package io.multibot.gateway.platform;

import io.multibot.common.testing.ServerContract;
import java.util.List;
import org.microshed.testing.jupiter.MicroShedTest;

@MicroShedTest
class HealthIT extends ServerContract {

  @Override
  protected List<String> readinessChecks() {
    return List.of("redis");
  }

  @Override
  protected List<String> startupChecks() {
    return List.of("configuration");
  }

  @Override
  protected String apiTitle() {
    return "Multibot trading-gateway API";
  }
}

package io.multibot.management.platform.health;

import io.multibot.management.platform.persistence.Database;
import io.multibot.management.platform.persistence.DatabaseStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database hands out a valid connection: every API call needs one. */
@Readiness
@Dependent
public class DatabaseReadinessCheck implements HealthCheck {

  private final Database database;
  private final Duration timeout;

  @Inject
  public DatabaseReadinessCheck(
      Database database,
      @ConfigProperty(name = "database.check.timeout", defaultValue = "PT2S") Duration timeout) {
    this.database = database;
    this.timeout = timeout;
  }

  @Override
  public HealthCheckResponse call() {
    DatabaseStatus status = database.check(timeout);
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("database").status(status.reachable());
    if (status.product() != null) {
      response.withData("product", status.product());
    }
    if (status.error() != null) {
      response.withData("error", status.error());
    }
    return response.build();
  }
}

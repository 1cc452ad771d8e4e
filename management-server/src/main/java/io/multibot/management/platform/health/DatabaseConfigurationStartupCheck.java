package io.multibot.management.platform.health;

import io.multibot.common.config.DatabaseUrl;
import io.multibot.common.config.InvalidSettingException;
import io.multibot.management.platform.persistence.Database;
import io.multibot.management.platform.persistence.DatabaseStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Not started while {@code DATABASE_URL} is malformed, or names a database other than the one the
 * server actually uses. That happens when a server is started without the launcher, which is what
 * turns {@code DATABASE_URL} into Liberty's data source settings; the data would silently go to the
 * embedded Derby database instead.
 */
@Startup
@Dependent
public class DatabaseConfigurationStartupCheck implements HealthCheck {

  private final Database database;
  private final Optional<String> databaseUrl;

  @Inject
  public DatabaseConfigurationStartupCheck(
      Database database, @ConfigProperty(name = "database.url") Optional<String> databaseUrl) {
    this.database = database;
    this.databaseUrl = databaseUrl;
  }

  @Override
  public HealthCheckResponse call() {
    if (databaseUrl.isEmpty()) {
      return HealthCheckResponse.named("database-configuration").up().build();
    }
    DatabaseUrl expected;
    try {
      expected = DatabaseUrl.parse(databaseUrl.get());
    } catch (InvalidSettingException e) {
      return down(e.getMessage());
    }
    DatabaseStatus actual = database.check(Duration.ofSeconds(2));
    if (actual.product() == null) {
      return HealthCheckResponse.named("database-configuration").up().build();
    }
    String kind = expected.kind().configName();
    if (!actual.product().toLowerCase(Locale.ROOT).contains(kind)) {
      return down(
          DatabaseUrl.VARIABLE
              + " names "
              + kind
              + " but the server uses "
              + actual.product()
              + "; start it through scripts/run-local.sh or set the db.kind bootstrap property");
    }
    return HealthCheckResponse.named("database-configuration").up().withData("kind", kind).build();
  }

  private static HealthCheckResponse down(String error) {
    return HealthCheckResponse.named("database-configuration")
        .down()
        .withData("error", error)
        .build();
  }
}

package io.multibot.management.platform.health;

import io.multibot.management.platform.persistence.SchemaMigration;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the database schema is at the version this build expects. While it is not (the
 * database was down at startup, say), every probe tries the migration again.
 */
@Startup
@Dependent
public class SchemaStartupCheck implements HealthCheck {

  private final SchemaMigration migration;

  @Inject
  public SchemaStartupCheck(SchemaMigration migration) {
    this.migration = migration;
  }

  @Override
  public HealthCheckResponse call() {
    if (migration.isDone()) {
      return HealthCheckResponse.named("schema").up().build();
    }
    migration.migrate();
    return HealthCheckResponse.named("schema")
        .status(migration.isDone())
        .withData("error", migration.failure().orElse("not migrated yet"))
        .build();
  }
}

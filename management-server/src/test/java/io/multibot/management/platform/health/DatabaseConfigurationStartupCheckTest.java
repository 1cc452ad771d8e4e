package io.multibot.management.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.multibot.management.platform.persistence.Database;
import io.multibot.management.platform.persistence.DatabaseStatus;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.junit.jupiter.api.Test;

class DatabaseConfigurationStartupCheckTest {

  private static Database answering(DatabaseStatus status) {
    return new Database() {
      @Override
      public DatabaseStatus check(Duration timeout) {
        return status;
      }
    };
  }

  private static final Database DERBY =
      answering(new DatabaseStatus(true, "Apache Derby 10.16.1.1", null));
  private static final Database POSTGRESQL =
      answering(new DatabaseStatus(true, "PostgreSQL 15.20", null));

  private static HealthCheckResponse check(Database database, String url) {
    return new DatabaseConfigurationStartupCheck(database, Optional.ofNullable(url)).call();
  }

  @Test
  void isStartedWhenDatabaseUrlIsUnset() {
    assertThat(check(POSTGRESQL, null).getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void isStartedWhenTheUrlMatchesTheDatabaseInUse() {
    HealthCheckResponse response = check(POSTGRESQL, "postgresql://bot:pw@db:5432/multibot");

    assertThat(response.getStatus()).isEqualTo(Status.UP);
    assertThat(response.getData().orElseThrow()).containsEntry("kind", "postgresql");
  }

  @Test
  void isNotStartedWhenTheServerBypassedTheLauncher() {
    HealthCheckResponse response = check(DERBY, "postgresql://bot:secret@db:5432/multibot");

    assertThat(response.getStatus()).isEqualTo(Status.DOWN);
    assertThat(response.getData().orElseThrow().get("error").toString())
        .startsWith("DATABASE_URL names postgresql but the server uses Apache Derby")
        .doesNotContain("secret");
  }

  @Test
  void isNotStartedWhenTheUrlIsMalformed() {
    HealthCheckResponse response = check(DERBY, "mysql://root@db/x");

    assertThat(response.getStatus()).isEqualTo(Status.DOWN);
    assertThat(response.getData().orElseThrow().get("error").toString())
        .startsWith("DATABASE_URL is malformed");
  }

  @Test
  void leavesAnUnreachableDatabaseToReadiness() {
    Database down = answering(new DatabaseStatus(false, null, "connection refused"));

    assertThat(check(down, "postgresql://db/x").getStatus()).isEqualTo(Status.UP);
  }
}

package io.multibot.management.platform;

import io.multibot.common.testing.Sbom;
import org.junit.jupiter.api.Test;

/** The management server's SBOM lists what it ships (Liquibase, Jedis, our common jar). */
class SbomIT {

  @Test
  void theSbomListsWhatTheWarShips() throws Exception {
    Sbom.assertDescribes(
        "management-server",
        "org.liquibase/liquibase-core",
        "redis.clients/jedis",
        "io.multibot/common");
  }
}

package io.multibot.gateway.platform;

import io.multibot.common.testing.Sbom;
import org.junit.jupiter.api.Test;

/** The gateway's SBOM lists what it ships (Jedis, our common jar). */
class SbomIT {

  @Test
  void theSbomListsWhatTheWarShips() throws Exception {
    Sbom.assertDescribes("trading-gateway", "redis.clients/jedis", "io.multibot/common");
  }
}

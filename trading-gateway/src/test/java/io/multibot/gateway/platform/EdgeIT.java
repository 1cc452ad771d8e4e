package io.multibot.gateway.platform;

import io.multibot.common.testing.EdgeContract;
import org.microshed.testing.jupiter.MicroShedTest;

/** Hostile requests that never reach a resource of this server (see {@link EdgeContract}). */
@MicroShedTest
class EdgeIT extends EdgeContract {}

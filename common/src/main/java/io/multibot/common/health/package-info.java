/**
 * MicroProfile Health checks both servers share: Redis for readiness, configuration for startup,
 * and deadlocked threads for liveness.
 */
package io.multibot.common.health;

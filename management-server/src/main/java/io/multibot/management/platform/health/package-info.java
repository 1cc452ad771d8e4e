/** Health checks of the management-server's own dependencies (Redis's check is in common). */
package io.multibot.management.platform.health;

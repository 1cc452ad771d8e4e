/** Conventions every resource of the management API shares: paging, ETags. */
package io.multibot.management.platform.api;

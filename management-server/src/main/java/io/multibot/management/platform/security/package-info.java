/** How the API authenticates: MicroProfile JWT bearer tokens, denied by default. */
package io.multibot.management.platform.security;

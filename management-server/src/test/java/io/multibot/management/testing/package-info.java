/** Helpers for the management API's black-box integration tests. */
package io.multibot.management.testing;

/** Helpers for the servers' black-box integration tests, shipped as common's test jar. */
package io.multibot.common.testing;

/**
 * Live status: the latest report per bot from the status stream, offline detection, process events
 * (audited), a downsampled history, and the status and portfolio API.
 */
package io.multibot.management.status;

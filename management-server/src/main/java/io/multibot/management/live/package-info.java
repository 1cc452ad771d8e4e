/**
 * Live events for the console: committed status changes and command progress pushed over
 * Server-Sent Events ({@code GET /api/v1/events}).
 */
package io.multibot.management.live;

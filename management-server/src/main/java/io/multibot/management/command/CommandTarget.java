package io.multibot.management.command;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters every command request to one bot shares: which bot, an optional {@code
 * Idempotency-Key} and an optional {@code wait}.
 */
public class CommandTarget {

  @PathParam("bot")
  @Parameter(description = "The bot's id or name")
  private String bot;

  @HeaderParam("Idempotency-Key")
  @Parameter(
      description =
          "Repeating a request with the same key returns the same command"
              + " (Idempotent-Replayed: true); 1 to 200 characters")
  private String idempotencyKey;

  @QueryParam("wait")
  @Parameter(
      description =
          "How long to wait for the outcome (ISO-8601 or 10s, at most 60s): 200 when it"
              + " finished in time")
  private String wait;

  String bot() {
    return bot;
  }

  String idempotencyKey() {
    return idempotencyKey;
  }

  String waitFor() {
    return wait;
  }
}

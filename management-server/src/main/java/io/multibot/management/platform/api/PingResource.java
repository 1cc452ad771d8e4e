package io.multibot.management.platform.api;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/v1/ping}: {@code {"status": "pong"}}, without credentials, touching neither the
 * database nor Redis, as freqtrade's own {@code /api/v1/ping}. For clients and load balancers that
 * want to know the API answers, and the benchmarks' trivial endpoint beside {@code /health/live}.
 */
@Path("/ping")
@Tag(name = "Server", description = "Whether the API answers")
@ApplicationScoped
public class PingResource {

  private static final Pong PONG = new Pong("pong");

  @GET
  @PermitAll
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "ping",
      summary = "Whether the API answers (no credentials; checks no dependency)")
  @APIResponse(
      responseCode = "200",
      description = "The API answers",
      content = @Content(schema = @Schema(implementation = Pong.class)))
  public Pong ping() {
    return PONG;
  }

  /** The answer: always {@code pong}. */
  @Schema(name = "Pong")
  public record Pong(@Schema(enumeration = "pong") String status) {}
}

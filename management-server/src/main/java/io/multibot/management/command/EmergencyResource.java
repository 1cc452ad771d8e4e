package io.multibot.management.command;

import io.multibot.management.audit.Audited;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/emergency/stop-all}: the kill switch. Every bot stops new entries, exits all its
 * positions when {@code exitPositions=true}, then stops; the commands go on the priority lane,
 * which no backlog of ordinary commands can hold up.
 */
@Path("/emergency")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commands", description = "Commands to bots and their outcomes")
@ApplicationScoped
public class EmergencyResource {

  private final BatchService batches;
  private final CommandMetrics metrics;

  @Inject
  public EmergencyResource(BatchService batches, CommandMetrics metrics) {
    this.batches = batches;
    this.metrics = metrics;
  }

  /** For CDI's proxy only. */
  protected EmergencyResource() {
    this(null, null);
  }

  @POST
  @Path("stop-all")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("emergency.stop-all")
  @Operation(
      operationId = "emergencyStopAll",
      summary = "Stop every bot now, on the priority lane (role: operator)")
  @APIResponse(
      responseCode = "202",
      description = "The batch; Location names it",
      content = @Content(schema = @Schema(implementation = BatchView.class)))
  public Response stopAll(
      @QueryParam("exitPositions") boolean exitPositions,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    BatchView batch = batches.emergencyStop(exitPositions, security.getUserPrincipal().getName());
    metrics.killSwitchPulled();
    return CommandResource.accepted(batch, uri);
  }
}

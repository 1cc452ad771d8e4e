package io.multibot.management.live;

import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/events}: the live stream the console listens to (Server-Sent Events). */
@Path("/events")
@Tag(name = "Live events", description = "Committed changes pushed as Server-Sent Events")
@RequestScoped
public class EventResource {

  static final String DESCRIPTION =
      "A text/event-stream of committed changes (role: viewer). Event types: `status` (a bot's"
          + " status was recorded; data: botId, state, reachable, openTrades, maxOpenTrades,"
          + " profitClosed, profitAll, balance, stakeCurrency, lastSeenAt), `command` (a command"
          + " was accepted or moved on; data: id, botId, type, status, batchId, priority, reason)"
          + " and `reset` (what was missed since Last-Event-ID cannot be replayed: read every view"
          + " again). Each event has an id; reconnect with it in Last-Event-ID to get what was"
          + " missed (the last 2,000 events are kept). Comments (`: heartbeat`) keep the stream"
          + " open; the server ends a stream after live.max-stream (5 minutes), and a client"
          + " reconnects, which checks its token again.";

  private final EventHub hub;

  @Inject
  public EventResource(EventHub hub) {
    this.hub = hub;
  }

  /** For CDI's proxy only. */
  protected EventResource() {
    this(null);
  }

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "streamEvents",
      summary = "Live events (role: viewer)",
      description = DESCRIPTION)
  @APIResponse(
      responseCode = "200",
      description = "The stream",
      content =
          @Content(
              mediaType = MediaType.SERVER_SENT_EVENTS,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
  public void events(
      @Parameter(description = "The id of the last event received, to get what was missed")
          @HeaderParam("Last-Event-ID")
          String lastEventId,
      @Context SseEventSink sink,
      @Context Sse sse) {
    hub.subscribe(sink, sse, lastEventId);
  }
}

package io.multibot.management.command;

import io.multibot.common.command.CommandType;
import io.multibot.common.problem.FieldError;
import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/commands}: every command and its outcome. */
@Path("/commands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commands", description = "Commands to bots and their outcomes")
@ApplicationScoped
public class CommandResource {

  private final CommandService service;
  private final BatchService batches;

  @Inject
  public CommandResource(CommandService service, BatchService batches) {
    this.service = service;
    this.batches = batches;
  }

  /** For CDI's proxy only. */
  protected CommandResource() {
    this(null, null);
  }

  @POST
  @Path("bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.bulk")
  @Operation(
      operationId = "sendBulkCommand",
      summary = "One command for each selected bot: by ids or names, tags, or all (role: operator)")
  @APIResponse(
      responseCode = "422",
      description = "Invalid fields, or a selector that selects no bot")
  @APIResponse(
      responseCode = "202",
      description = "The batch; Location names it",
      content = @Content(schema = @Schema(implementation = BatchView.class)))
  public Response bulk(
      @Audited.Body BulkRequest request, @Context SecurityContext security, @Context UriInfo uri) {
    if (request == null) {
      throw CommandProblems.invalid(List.of(new FieldError("type", "is required")));
    }
    return accepted(batches.bulk(request, security.getUserPrincipal().getName()), uri);
  }

  @POST
  @Path("start-all")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.all")
  @Operation(operationId = "startAllBots", summary = "Start every bot (role: operator)")
  @APIResponse(
      responseCode = "202",
      description = "The batch; Location names it",
      content = @Content(schema = @Schema(implementation = BatchView.class)))
  public Response startAll(@Context SecurityContext security, @Context UriInfo uri) {
    return all(CommandType.START, security, uri);
  }

  @POST
  @Path("stop-all")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.all")
  @Operation(operationId = "stopAllBots", summary = "Stop every bot (role: operator)")
  @APIResponse(
      responseCode = "202",
      description = "The batch; Location names it",
      content = @Content(schema = @Schema(implementation = BatchView.class)))
  public Response stopAll(@Context SecurityContext security, @Context UriInfo uri) {
    return all(CommandType.STOP, security, uri);
  }

  @POST
  @Path("restart-all")
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.all")
  @Operation(operationId = "restartAllBots", summary = "Restart every bot (role: operator)")
  @APIResponse(
      responseCode = "202",
      description = "The batch; Location names it",
      content = @Content(schema = @Schema(implementation = BatchView.class)))
  public Response restartAll(@Context SecurityContext security, @Context UriInfo uri) {
    return all(CommandType.RESTART, security, uri);
  }

  private Response all(CommandType type, SecurityContext security, UriInfo uri) {
    return accepted(batches.all(type, security.getUserPrincipal().getName()), uri);
  }

  @GET
  @Path("batches/{id}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getBatch",
      summary = "A batch: each bot's command and outcome (role: viewer)")
  public BatchView batch(@PathParam("id") String id) {
    return batches.batch(id);
  }

  static Response accepted(BatchView batch, UriInfo uri) {
    String location = Links.location(uri, "commands", "batches", batch.id());
    return Response.accepted(batch).header(HttpHeaders.LOCATION, location).build();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getCommand",
      summary = "One command, with its status, timestamps and result (role: viewer)")
  public CommandView get(@PathParam("id") String id) {
    return service.get(id);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "listCommands",
      summary =
          "Commands, newest first, filtered by bot, status, type and time, by page or by cursor"
              + " (role: viewer)")
  public Page<CommandView> list(
      @QueryParam("bot") String bot,
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("since") String since,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @Parameter(description = CommandCursor.AFTER) @QueryParam("after") String after) {
    String botId = bot == null || bot.isBlank() ? null : service.botId(bot);
    return service.list(CommandQuery.parse(botId, status, type, since, page, size, after));
  }
}

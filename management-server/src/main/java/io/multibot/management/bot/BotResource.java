package io.multibot.management.bot;

import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.EntityTags;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.api.Versioned;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/bots}: the bot registry. A bot is addressed by its id or its name. */
@Path("/bots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Bots", description = "The registry of freqtrade bots")
@ApplicationScoped
public class BotResource {

  private final BotService service;

  @Inject
  public BotResource(BotService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected BotResource() {
    this(null);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "listBots",
      summary = "List bots, filtered, sorted and paged (role: viewer)")
  public Page<BotView> list(
      @Parameter(description = "Only bots with this tag") @QueryParam("tag") String tag,
      @Parameter(description = "Only bots last known in this state") @QueryParam("state")
          String state,
      @Parameter(description = "Only bots on this exchange") @QueryParam("exchange")
          String exchange,
      @Parameter(description = "Only bots running this strategy") @QueryParam("strategy")
          String strategy,
      @Parameter(description = "name, createdAt or updatedAt; prefix '-' for descending")
          @QueryParam("sort")
          String sort,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    PageRequest paging = PageRequest.parse(page, size);
    return service.list(BotQuery.parse(tag, state, exchange, strategy, sort, paging));
  }

  @POST
  @RolesAllowed(Roles.ADMIN)
  @Operation(operationId = "createBot", summary = "Register a bot (role: admin)")
  @APIResponse(
      responseCode = "201",
      description = "Registered; secrets are only reported as set or not")
  @APIResponse(responseCode = "409", description = "The name is taken")
  @APIResponse(responseCode = "422", description = "Invalid fields, listed in errors")
  @Audited("bot.create")
  @APIResponse(
      responseCode = "201",
      description = "Registered; Location names the bot",
      content = @Content(schema = @Schema(implementation = BotView.class)))
  public Response create(@Audited.Body BotRequest request, @Context UriInfo uri) {
    Versioned<BotView> created = service.create(request);
    return EntityTags.created(Links.location(uri, "bots", created.value().id()), created);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Path("{bot}")
  @Operation(operationId = "getBot", summary = "Read a bot (role: viewer)")
  @APIResponse(
      responseCode = "200",
      description = "The bot; ETag is its version",
      content = @Content(schema = @Schema(implementation = BotView.class)))
  public Response get(@PathParam("bot") String bot) {
    return EntityTags.ok(service.get(bot));
  }

  @PUT
  @RolesAllowed(Roles.ADMIN)
  @Path("{bot}")
  @Operation(
      operationId = "updateBot",
      summary = "Replace a bot's settings; omitted secrets keep their values (role: admin)")
  @APIResponse(responseCode = "412", description = "If-Match names an older state")
  @Audited("bot.update")
  @APIResponse(
      responseCode = "200",
      description = "Updated; ETag is the new version",
      content = @Content(schema = @Schema(implementation = BotView.class)))
  public Response update(
      @PathParam("bot") String bot,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Audited.Body BotRequest request) {
    return EntityTags.ok(service.update(bot, request, EntityTags.expectedVersion(ifMatch)));
  }

  @DELETE
  @RolesAllowed(Roles.ADMIN)
  @Path("{bot}")
  @Operation(operationId = "deleteBot", summary = "Remove a bot from the registry (role: admin)")
  @APIResponse(responseCode = "204", description = "Removed")
  @APIResponse(responseCode = "409", description = "The bot is meant to be running")
  @Audited("bot.delete")
  public Response delete(
      @PathParam("bot") String bot, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
    service.delete(bot, EntityTags.expectedVersion(ifMatch));
    return Response.noContent().build();
  }
}

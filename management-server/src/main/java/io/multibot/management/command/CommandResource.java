package io.multibot.management.command;

import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/commands}: every command and its outcome. */
@Path("/commands")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commands", description = "Commands to bots and their outcomes")
@ApplicationScoped
public class CommandResource {

  private final CommandService service;

  @Inject
  public CommandResource(CommandService service) {
    this.service = service;
  }

  /** For CDI's proxy only. */
  protected CommandResource() {
    this(null);
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "One command, with its status, timestamps and result (role: viewer)")
  public CommandView get(@PathParam("id") String id) {
    return service.get(id);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      summary = "Commands, newest first, filtered by bot, status, type and time (role: viewer)")
  public Page<CommandView> list(
      @QueryParam("bot") String bot,
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("since") String since,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    String botId = bot == null || bot.isBlank() ? null : service.botId(bot);
    return service.list(
        CommandQuery.parse(botId, status, type, since, PageRequest.parse(page, size)));
  }
}

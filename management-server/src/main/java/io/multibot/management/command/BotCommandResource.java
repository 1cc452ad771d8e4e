package io.multibot.management.command;

import io.multibot.common.command.CommandType;
import io.multibot.common.json.StrictJson;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/bots/{bot}/commands} and the shortcuts {@code /start}, {@code /stop} and {@code
 * /restart}: send a bot a command, or list its commands. Their answers (202, or 200 with {@code
 * ?wait}, with the command) are documented by {@code OpenApiContract}. One resource method per
 * operation, so a generated client gets {@code startBot()}, not an {@code action} string. The class
 * shares {@code /bots} with the registry ({@code BotResource}) so that path matching sees all their
 * methods.
 */
@Path("/bots")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Commands", description = "Commands to bots and their outcomes")
@ApplicationScoped
public class BotCommandResource {

  private static final int MAX_KEY_LENGTH = 200;
  private final CommandService service;
  private final CommandWaiter waiter;

  @Inject
  public BotCommandResource(CommandService service, CommandWaiter waiter) {
    this.service = service;
    this.waiter = waiter;
  }

  /** For CDI's proxy only. */
  protected BotCommandResource() {
    this(null, null);
  }

  @POST
  @Path("{bot}/commands")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.create")
  @Operation(operationId = "sendCommand", summary = "Send the bot a command (role: operator)")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CommandRequest.class)))
  public CompletionStage<Response> send(
      @BeanParam CommandTarget target,
      @Audited.Body String body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    return submit(target, null, body, security, uri);
  }

  @POST
  @Path("{bot}/start")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.create")
  @Operation(operationId = "startBot", summary = "Start the bot (role: operator)")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CommandRequest.class)))
  public CompletionStage<Response> start(
      @BeanParam CommandTarget target,
      @Audited.Body String body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    return submit(target, CommandType.START, body, security, uri);
  }

  @POST
  @Path("{bot}/stop")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.create")
  @Operation(operationId = "stopBot", summary = "Stop the bot (role: operator)")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CommandRequest.class)))
  public CompletionStage<Response> stop(
      @BeanParam CommandTarget target,
      @Audited.Body String body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    return submit(target, CommandType.STOP, body, security, uri);
  }

  @POST
  @Path("{bot}/restart")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.create")
  @Operation(
      operationId = "restartBot",
      summary = "Restart the bot: stop, then start (role: operator)")
  @RequestBody(
      required = false,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CommandRequest.class)))
  public CompletionStage<Response> restart(
      @BeanParam CommandTarget target,
      @Audited.Body String body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    return submit(target, CommandType.RESTART, body, security, uri);
  }

  private CompletionStage<Response> submit(
      CommandTarget target, CommandType fixed, String body, SecurityContext security, UriInfo uri) {
    Duration waitFor = WaitTime.parse(target.waitFor());
    CommandService.Accepted accepted =
        service.accept(
            target.bot(),
            parse(body, fixed != null),
            fixed,
            security.getUserPrincipal().getName(),
            key(target.idempotencyKey()));
    String location = Links.location(uri, "commands", accepted.command().id());
    return waiter
        .await(accepted.command(), waitFor)
        .thenApply(
            command -> {
              Response.ResponseBuilder response =
                  command.finishedAt() != null && !waitFor.isZero()
                      ? Response.ok(command)
                      : Response.accepted(command);
              if (!accepted.created()) {
                response.header("Idempotent-Replayed", "true");
              }
              return response.header(HttpHeaders.LOCATION, location).build();
            });
  }

  /**
   * The body, read as strictly as every other request body; none at all is an empty command. Where
   * the body is optional (start, stop, restart), JSON {@code null} means none: that is what
   * generated clients send for an absent optional body.
   */
  private static CommandRequest parse(String body, boolean optional) {
    if (body == null || body.isBlank() || optional && "null".equals(body.strip())) {
      return CommandRequest.none();
    }
    return StrictJson.read(body, CommandRequest.class);
  }

  private static String key(String raw) {
    if (raw == null) {
      return null;
    }
    if (raw.isBlank() || raw.length() > MAX_KEY_LENGTH) {
      throw new ApiException(
          ProblemType.MALFORMED_REQUEST, "Idempotency-Key must be 1 to 200 characters.");
    }
    return raw;
  }

  @GET
  @Path("{bot}/commands")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "listBotCommands",
      summary = "The bot's commands, newest first, by page or by cursor (role: viewer)")
  public Page<CommandView> list(
      @PathParam("bot") String bot,
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("since") String since,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @Parameter(description = CommandCursor.AFTER) @QueryParam("after") String after) {
    return service.list(
        CommandQuery.parse(service.botId(bot), status, type, since, page, size, after));
  }
}

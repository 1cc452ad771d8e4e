package io.multibot.management.command;

import io.multibot.common.command.CommandType;
import io.multibot.common.json.StrictJson;
import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.ProblemType;
import io.multibot.management.audit.Audited;
import io.multibot.management.platform.api.Links;
import io.multibot.management.platform.api.Page;
import io.multibot.management.platform.api.PageRequest;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/bots/{bot}/commands} and the shortcuts {@code /start}, {@code /stop} and {@code
 * /restart}: send a bot a command, or list its commands. One resource class for the four paths, so
 * that the bot registry keeps {@code /bots/{bot}} to itself.
 */
@Path("/bots/{idOrName}/{action: commands|start|stop|restart}")
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
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  @RolesAllowed(Roles.OPERATOR)
  @Audited("command.create")
  @Operation(
      summary =
          "Send the bot a command (body with a type on /commands; none needed on /start, /stop,"
              + " /restart) (role: operator)")
  @APIResponse(responseCode = "202", description = "Accepted; Location names the command")
  @APIResponse(responseCode = "200", description = "With ?wait: the command finished in time")
  @APIResponse(
      responseCode = "409",
      description =
          "The bot cannot be reached, or the Idempotency-Key was used for another command")
  @APIResponse(responseCode = "422", description = "Invalid fields, listed in errors")
  public CompletionStage<Response> send(
      @PathParam("idOrName") String bot,
      @PathParam("action") String action,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @QueryParam("wait") String wait,
      String body,
      @Context SecurityContext security,
      @Context UriInfo uri) {
    Duration waitFor = WaitTime.parse(wait);
    CommandType fixed =
        "commands".equals(action) ? null : CommandType.fromWire(action).orElseThrow();
    CommandService.Accepted accepted =
        service.accept(
            bot, parse(body), fixed, security.getUserPrincipal().getName(), key(idempotencyKey));
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

  /** The body, read as strictly as every other request body; none at all is an empty command. */
  private static CommandRequest parse(String body) {
    if (body == null || body.isBlank()) {
      return new CommandRequest(null, null, null, null, null, null, null, null, null);
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
  @RolesAllowed(Roles.VIEWER)
  @Operation(summary = "The bot's commands, newest first (role: viewer)")
  public Page<CommandView> list(
      @PathParam("idOrName") String bot,
      @PathParam("action") String action,
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("since") String since,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    if (!"commands".equals(action)) {
      throw new ApiException(ProblemType.METHOD_NOT_ALLOWED, "Use POST to send this command.");
    }
    return service.list(
        CommandQuery.parse(service.botId(bot), status, type, since, PageRequest.parse(page, size)));
  }
}

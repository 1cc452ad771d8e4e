package io.multibot.management.status;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One bot's live views: {@code status}, {@code trades} (open, from its last poll) and {@code
 * profit/history}. The path names its views, so that the bot registry's own paths stay its own.
 */
@ApplicationScoped
@Path("/bots/{bot}/{view: status|trades|profit/history}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "Live status of bots and the fleet")
public class StatusResource {

  private static final int HISTORY_LIMIT = 2000;

  private final StatusQueries queries;

  @Inject
  public StatusResource(StatusQueries queries) {
    this.queries = queries;
  }

  /** For CDI's proxy only. */
  protected StatusResource() {
    this(null);
  }

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      summary =
          "A bot's status, its open trades, or its profit history (?since=ISO-8601, default the"
              + " last 24 hours) (role: viewer)")
  public Object view(
      @PathParam("bot") String bot,
      @PathParam("view") String view,
      @QueryParam("since") String since) {
    return switch (view) {
      case "status" -> queries.status(bot);
      case "trades" -> Json.createObjectBuilder().add("open", queries.openTrades(bot)).build();
      default -> history(bot, since);
    };
  }

  private JsonObject history(String bot, String since) {
    Instant from;
    try {
      from = since == null ? Instant.now().minusSeconds(86_400) : Instant.parse(since);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          ProblemType.VALIDATION_FAILED,
          "The query is invalid.",
          List.of(new FieldError("since", "must be an ISO-8601 instant")));
    }
    var points = Json.createArrayBuilder();
    queries.history(bot, from, HISTORY_LIMIT).forEach(points::add);
    return Json.createObjectBuilder().add("since", from.toString()).add("points", points).build();
  }
}

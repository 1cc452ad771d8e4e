package io.multibot.management.status;

import io.multibot.common.problem.ApiException;
import io.multibot.common.problem.FieldError;
import io.multibot.common.problem.ProblemType;
import io.multibot.management.platform.api.QueryInstant;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One bot's live views: {@code status}, {@code trades} (open, from its last poll) and {@code
 * profit/history}. The path names its views, so that the bot registry's own paths stay its own.
 */
@ApplicationScoped
@Path("/bots/{bot}/{view: status|trades|logs|profit/history}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "Live status of bots and the fleet")
public class StatusResource {

  private static final int HISTORY_LIMIT = 2000;
  private static final int MAX_LOG_LINES = 100;

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
          "A bot's status; its open and latest closed trades; the tail of its log (?lines=, at"
              + " most 100, default 50); or its profit history (?since=ISO-8601, default the last"
              + " 24 hours). Trades and logs are as of the last polls (role: viewer)")
  public Object view(
      @PathParam("bot") String bot,
      @PathParam("view") String view,
      @QueryParam("since") String since,
      @QueryParam("lines") String lines) {
    return switch (view) {
      case "status" -> queries.status(bot);
      case "trades" ->
          Json.createObjectBuilder()
              .add("open", queries.fromSnapshot(bot, "open_trades"))
              .add("closed", queries.fromSnapshot(bot, "closed_trades"))
              .build();
      case "logs" -> logs(bot, lines);
      default -> history(bot, since);
    };
  }

  private JsonObject logs(String bot, String lines) {
    int wanted = 50;
    if (lines != null) {
      try {
        wanted = Integer.parseInt(lines);
      } catch (NumberFormatException e) {
        wanted = -1;
      }
      if (wanted < 1 || wanted > MAX_LOG_LINES) {
        throw new ApiException(
            ProblemType.VALIDATION_FAILED,
            "The query is invalid.",
            List.of(new FieldError("lines", "must be a whole number from 1 to " + MAX_LOG_LINES)));
      }
    }
    var all = queries.fromSnapshot(bot, "logs");
    var tail = Json.createArrayBuilder();
    all.subList(Math.max(0, all.size() - wanted), all.size()).forEach(tail::add);
    return Json.createObjectBuilder().add("lines", tail).build();
  }

  private JsonObject history(String bot, String since) {
    Instant from = QueryInstant.parse("since", since);
    if (from == null) {
      from = Instant.now().minusSeconds(86_400);
    }
    var points = Json.createArrayBuilder();
    queries.history(bot, from, HISTORY_LIMIT).forEach(points::add);
    return Json.createObjectBuilder().add("since", from.toString()).add("points", points).build();
  }
}

package io.multibot.management.status;

import io.multibot.common.json.Jsons;
import io.multibot.common.status.BotPoll;
import io.multibot.management.platform.api.QueryInstant;
import io.multibot.management.platform.api.QueryProblems;
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
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One bot's live views, one operation each: {@code status}, {@code trades} (open and latest closed,
 * from its last polls), {@code logs} and {@code profit/history}.
 */
@ApplicationScoped
@Path("/bots")
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
  @Path("{bot}/status")
  @RolesAllowed(Roles.VIEWER)
  @Operation(operationId = "getBotStatus", summary = "The bot's live status (role: viewer)")
  public BotStatusView status(@PathParam("bot") String bot) {
    return queries.status(bot);
  }

  @GET
  @Path("{bot}/trades")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getBotTrades",
      summary = "The bot's open and latest closed trades, as of its last polls (role: viewer)")
  public StatusViews.Trades trades(@PathParam("bot") String bot) {
    return new StatusViews.Trades(
        queries.fromSnapshot(bot, BotPoll::openTrades),
        queries.fromSnapshot(bot, BotPoll::closedTrades));
  }

  @GET
  @Path("{bot}/logs")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getBotLogs",
      summary = "The tail of the bot's log, as of its last poll (role: viewer)")
  public StatusViews.Logs logs(
      @PathParam("bot") String bot,
      @Parameter(description = "How many lines: 1 to 100, default 50") @QueryParam("lines")
          String lines) {
    int wanted = 50;
    if (lines != null) {
      try {
        wanted = Integer.parseInt(lines);
      } catch (NumberFormatException e) {
        wanted = -1;
      }
      if (wanted < 1 || wanted > MAX_LOG_LINES) {
        throw QueryProblems.invalid("lines", "must be a whole number from 1 to " + MAX_LOG_LINES);
      }
    }
    var all = queries.fromSnapshot(bot, BotPoll::logs);
    var tail = Jsons.createArrayBuilder();
    all.subList(Math.max(0, all.size() - wanted), all.size()).forEach(tail::add);
    return new StatusViews.Logs(tail.build());
  }

  @GET
  @Path("{bot}/profit/history")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getBotProfitHistory",
      summary = "The bot's recorded profit and balance since an instant (role: viewer)")
  public StatusViews.History history(
      @PathParam("bot") String bot,
      @Parameter(description = "ISO-8601 instant; default 24 hours ago") @QueryParam("since")
          String since) {
    Instant from = QueryInstant.parse("since", since);
    if (from == null) {
      from = Instant.now().minusSeconds(86_400);
    }
    return new StatusViews.History(from.toString(), queries.history(bot, from, HISTORY_LIMIT));
  }
}

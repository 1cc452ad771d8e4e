package io.multibot.management.status;

import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fleet at a glance: every bot's status by state, and the portfolio. */
@ApplicationScoped
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Status", description = "Live status of bots and the fleet")
public class FleetResource {

  private final StatusQueries queries;
  private final PortfolioService portfolio;

  @Inject
  public FleetResource(StatusQueries queries, PortfolioService portfolio) {
    this.queries = queries;
    this.portfolio = portfolio;
  }

  /** For CDI's proxy only. */
  protected FleetResource() {
    this(null, null);
  }

  @GET
  @Path("status")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getFleetStatus",
      summary =
          "The bots' status grouped by state, with counts by state; filtered by tag and state,"
              + " one page of bots by name when page or size is given, else all (role: viewer)")
  public FleetStatus status(@BeanParam FleetParams params) {
    return queries.fleet(params.query());
  }

  @GET
  @Path("portfolio")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getPortfolio",
      summary =
          "Totals per stake currency, and in the portfolio currency when rates are set"
              + " (role: viewer)")
  public PortfolioView portfolio(
      @Parameter(description = "Only bots with this tag") @QueryParam("tag") String tag) {
    return portfolio.portfolio(tag);
  }

  @GET
  @Path("portfolio/history")
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      operationId = "getPortfolioHistory",
      summary =
          "The portfolio's profit and balance over time per stake currency, from the bots'"
              + " recorded points (role: viewer)")
  public PortfolioHistoryView history(
      @Parameter(description = "Only bots with this tag") @QueryParam("tag") String tag,
      @Parameter(description = "ISO-8601 instant; default a day before until") @QueryParam("since")
          String since,
      @Parameter(description = "ISO-8601 instant; default now") @QueryParam("until") String until,
      @Parameter(
              description =
                  "ISO-8601 duration between points, at least PT1M and at most 1,000 points;"
                      + " default about 200 points")
          @QueryParam("step")
          String step) {
    String scope = tag == null || tag.isBlank() ? null : tag.strip();
    return queries.equity(scope, HistoryRange.parse(since, until, step, Instant.now()));
  }
}

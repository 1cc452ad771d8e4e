package io.multibot.management.status;

import io.multibot.management.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The fleet at a glance: every bot's status by state, and the portfolio. */
@ApplicationScoped
@Path("/{view: status|portfolio}")
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

  /**
   * Every bot by state ({@code /status}), or the totals per stake currency ({@code /portfolio}).
   */
  public record FleetStatus(int total, Map<String, List<BotStatusView>> states) {}

  @GET
  @RolesAllowed(Roles.VIEWER)
  @Operation(
      summary =
          "/status: every bot's status grouped by state; /portfolio[?tag=]: totals per stake"
              + " currency (role: viewer)")
  public Object view(@jakarta.ws.rs.PathParam("view") String view, @QueryParam("tag") String tag) {
    if ("portfolio".equals(view)) {
      return portfolio.portfolio(tag);
    }
    Map<String, List<BotStatusView>> states = queries.fleet();
    return new FleetStatus(states.values().stream().mapToInt(List::size).sum(), states);
  }
}

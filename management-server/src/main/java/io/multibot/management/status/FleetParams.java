package io.multibot.management.status;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of {@code GET /status}: filters, order and page. */
public class FleetParams {

  @QueryParam("tag")
  @Parameter(description = "Only bots with this tag (also for the counts)")
  private String tag;

  @QueryParam("state")
  @Parameter(description = "Only bots in this live state, such as running or offline")
  private String state;

  @QueryParam("exchange")
  @Parameter(description = "Only bots on this exchange")
  private String exchange;

  @QueryParam("strategy")
  @Parameter(description = "Only bots running this strategy (its name)")
  private String strategy;

  @QueryParam("q")
  @Parameter(description = "Only bots whose name contains this (letters, digits, '-')")
  private String search;

  @QueryParam("sort")
  @Parameter(
      description =
          "The order: name (default), exchange, strategy, openTrades, profitClosed, profitAll,"
              + " balance or lastSeen; a leading '-' for descending; bots without the figure"
              + " last, ties by name")
  private String sort;

  @QueryParam("page")
  @Parameter(description = "The page from 0; with size, pages the bots in the sort's order")
  private String page;

  @QueryParam("size")
  @Parameter(description = "Bots per page, 1 to 100 (default 20 when page is given)")
  private String size;

  /** The query these parameters ask for; a 400 problem naming each bad one. */
  FleetQuery query() {
    return FleetQuery.parse(this);
  }

  String tag() {
    return tag;
  }

  String state() {
    return state;
  }

  String exchange() {
    return exchange;
  }

  String strategy() {
    return strategy;
  }

  String search() {
    return search;
  }

  String sort() {
    return sort;
  }

  String page() {
    return page;
  }

  String size() {
    return size;
  }
}

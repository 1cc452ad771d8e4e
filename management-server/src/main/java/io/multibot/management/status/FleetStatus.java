package io.multibot.management.status;

import io.multibot.management.platform.api.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The bots' status grouped by state: {@code total} bots match the filters, {@code states} holds all
 * of them or one page, {@code counts} counts every bot with the tag by live state (the console's
 * summary; a bot whose state changes between the count and its page's read is shown as it is now).
 */
public record FleetStatus(
    @Schema(description = "Bots matching the filters (all pages)") int total,
    @Schema(description = "Bots with the tag (every bot without one) by live state")
        Map<String, Integer> counts,
    @Schema(description = "The page from 0; absent when every matching bot is shown") Integer page,
    @Schema(description = "Bots per page; absent when every matching bot is shown") Integer size,
    @Schema(description = "Pages; absent when every matching bot is shown") Long totalPages,
    @Schema(
            description =
                "The shown bots by state, states in name order, bots in the sort's order"
                    + " within each")
        Map<String, List<BotStatusView>> states,
    @Schema(description = "The shown bots' ids in the sort's order (across states)")
        List<String> order) {

  /** The result for bots already in the sort's order. */
  static FleetStatus of(
      int total, Map<String, Integer> counts, PageRequest page, List<BotStatusView> shown) {
    Map<String, List<BotStatusView>> states = new TreeMap<>();
    for (BotStatusView view : shown) {
      states.computeIfAbsent(view.state(), s -> new ArrayList<>()).add(view);
    }
    List<String> order = shown.stream().map(BotStatusView::botId).toList();
    if (page == null) {
      return new FleetStatus(total, counts, null, null, null, states, order);
    }
    return new FleetStatus(
        total, counts, page.page(), page.size(), page.pages(total), states, order);
  }
}

package io.multibot.management.platform.api;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. A numbered page ({@code page}, {@code size}) carries the totals a client
 * needs to page through all of it. A list that pages by key (commands, with {@code after}) also
 * gives {@code nextCursor} while there is more, and a page asked for by cursor carries neither
 * {@code page} nor the totals: counting every row is what keyset paging avoids.
 */
public record Page<T>(
    List<T> items,
    @Schema(description = "The page number from 0; absent on a page asked for by cursor")
        Integer page,
    int size,
    @Schema(description = "Items in the whole list; absent on a page asked for by cursor")
        Long totalItems,
    @Schema(description = "Pages in the whole list; absent on a page asked for by cursor")
        Long totalPages,
    @Schema(
            description =
                "Where the next page starts (the after parameter); absent on the last page and"
                    + " on lists that page by number only")
        String nextCursor) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
    return of(items, request, totalItems, null);
  }

  /** A numbered page, with the cursor of the page after it ({@code null} if none). */
  public static <T> Page<T> of(
      List<T> items, PageRequest request, long totalItems, String nextCursor) {
    return new Page<>(
        List.copyOf(items),
        request.page(),
        request.size(),
        totalItems,
        request.pages(totalItems),
        nextCursor);
  }

  /** A page asked for by cursor: no number, no totals. */
  public static <T> Page<T> keyset(List<T> items, int size, String nextCursor) {
    return new Page<>(List.copyOf(items), null, size, null, null, nextCursor);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(
        items.stream().map(mapper).toList(), page, size, totalItems, totalPages, nextCursor);
  }
}

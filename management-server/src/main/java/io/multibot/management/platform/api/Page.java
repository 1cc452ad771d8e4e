package io.multibot.management.platform.api;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the totals a client needs to page through all of it. */
public record Page<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

  public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems) {
    long pages = (totalItems + request.size() - 1) / request.size();
    return new Page<>(List.copyOf(items), request.page(), request.size(), totalItems, pages);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
  }
}

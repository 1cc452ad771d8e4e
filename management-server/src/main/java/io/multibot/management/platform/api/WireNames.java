package io.multibot.management.platform.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds the constant of an enum by the name the API uses for it ({@code bot.crashed}, {@code
 * pause}).
 */
public final class WireNames {

  private WireNames() {}

  public static <E extends Enum<E>> Optional<E> find(
      E[] values, Function<E, String> wire, String name) {
    return name == null
        ? Optional.empty()
        : Arrays.stream(values).filter(v -> wire.apply(v).equals(name)).findFirst();
  }
}

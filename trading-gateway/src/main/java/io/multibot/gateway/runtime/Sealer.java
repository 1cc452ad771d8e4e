package io.multibot.gateway.runtime;

import java.util.Optional;
import java.util.function.Function;

/**
 * Encrypts what the gateway keeps on disk about a running bot (its API password), so that a later
 * gateway with the same key can take the bot over. The gateway uses its stream key.
 */
public interface Sealer {

  String seal(String plain);

  /** The plain text, or empty when this key did not seal it. */
  Optional<String> unseal(String sealed);

  static Sealer of(Function<String, String> seal, Function<String, Optional<String>> unseal) {
    return new Sealer() {
      @Override
      public String seal(String plain) {
        return seal.apply(plain);
      }

      @Override
      public Optional<String> unseal(String sealed) {
        return unseal.apply(sealed);
      }
    };
  }
}

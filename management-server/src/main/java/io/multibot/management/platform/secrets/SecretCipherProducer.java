package io.multibot.management.platform.secrets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The application's one {@link SecretCipher}, from {@code MULTIBOT_SECRETS_KEY} and friends. */
@ApplicationScoped
public class SecretCipherProducer {

  @Produces
  @Singleton
  SecretCipher cipher(
      @ConfigProperty(name = "multibot.secrets.key") Optional<String> key,
      @ConfigProperty(name = "multibot.secrets.previous-keys") Optional<String> previous,
      @ConfigProperty(name = "multibot.data.dir", defaultValue = "data") String dataDir) {
    return SecretKeyRing.cipher(key, previous, Path.of(dataDir, "secrets.key"));
  }
}

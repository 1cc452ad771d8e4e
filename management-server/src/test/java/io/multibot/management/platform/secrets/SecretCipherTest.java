package io.multibot.management.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

  private static final String KEY_A = "a:" + Base64.getEncoder().encodeToString(new byte[32]);
  private static final String KEY_B =
      "b:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private static SecretCipher cipher(String current, String previous) {
    return SecretKeyRing.cipher(
        Optional.of(current), Optional.ofNullable(previous), Path.of("unused-when-a-key-is-set"));
  }

  @Test
  void roundTripsWithoutRevealingThePlaintext() {
    SecretCipher cipher = cipher(KEY_A, null);

    String stored = cipher.encrypt("hunter2");

    assertThat(stored).startsWith("v1:a:").doesNotContain("hunter2");
    assertThat(cipher.decrypt(stored)).isEqualTo("hunter2");
    assertThat(cipher.encrypt("hunter2")).isNotEqualTo(stored);
  }

  @Test
  void readsValuesOfPreviousKeysAfterRotation() {
    String old = cipher(KEY_A, null).encrypt("exchange-secret");
    SecretCipher rotated = cipher(KEY_B, KEY_A);

    assertThat(rotated.decrypt(old)).isEqualTo("exchange-secret");
    assertThat(rotated.encrypt("new")).startsWith("v1:b:");
  }

  @Test
  void refusesTamperedValuesAndUnknownKeys() {
    SecretCipher cipher = cipher(KEY_A, null);
    String stored = cipher.encrypt("hunter2");
    String tampered = stored.substring(0, stored.length() - 4) + "AAAA";

    assertThatThrownBy(() -> cipher.decrypt(tampered))
        .isInstanceOf(SecretUnreadableException.class);
    assertThatThrownBy(() -> cipher.decrypt(cipher(KEY_B, null).encrypt("x")))
        .hasMessageContaining("key 'b'");
    assertThatThrownBy(() -> cipher.decrypt("plain")).isInstanceOf(SecretUnreadableException.class);
  }

  @Test
  void generatesAPrivateLocalKeyOnceWhenNoneIsConfigured(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("data/secrets.key");
    SecretCipher first = SecretKeyRing.cipher(Optional.empty(), Optional.empty(), file);
    SecretCipher second = SecretKeyRing.cipher(Optional.empty(), Optional.empty(), file);

    assertThat(second.decrypt(first.encrypt("kept"))).isEqualTo("kept");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void refusesKeysOfTheWrongSize() {
    assertThatThrownBy(() -> cipher("c:" + Base64.getEncoder().encodeToString(new byte[16]), null))
        .hasMessageContaining("must be 32 bytes");
  }
}

package io.multibot.management.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Multibot-Signature} of a webhook message: {@code sha256=} and the hex HMAC-SHA256,
 * keyed with the channel's signing secret, of {@code <X-Multibot-Timestamp>.<body>}. A receiver
 * recomputes it over the bytes it received, compares in constant time, and refuses timestamps far
 * from its clock (a replayed message keeps its old timestamp).
 */
public final class WebhookSignature {

  public static final String HEADER = "X-Multibot-Signature";
  public static final String TIMESTAMP = "X-Multibot-Timestamp";

  private WebhookSignature() {}

  public static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}

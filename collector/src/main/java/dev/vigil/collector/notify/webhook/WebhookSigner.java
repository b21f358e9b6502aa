package dev.vigil.collector.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies: {@code X-Vigil-Signature: t=<unix seconds>,v1=<hex>} where the hex is
 * HMAC-SHA256 with the shared secret over {@code "<t>.<body>"}. The timestamp is inside the signed
 * text, so a receiver that checks it is recent refuses a replayed request, and {@code v1} leaves
 * room for another scheme next to it.
 */
public final class WebhookSigner {
  /** The header that carries the signature. */
  public static final String HEADER = "X-Vigil-Signature";

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  /**
   * @param secret the shared secret, as the receiving end holds it
   */
  public WebhookSigner(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("the webhook secret is empty");
    }
    this.key = new SecretKeySpec(secret, ALGORITHM);
  }

  /** The header value for {@code body} sent at {@code unixSeconds}. */
  public String sign(long unixSeconds, String body) {
    Mac mac = mac();
    mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
    byte[] digest = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(digest);
  }

  private Mac mac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java 17 runtime has " + ALGORITHM, e);
    }
  }
}

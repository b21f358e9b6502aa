package dev.vigil.collector.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The SHA-256 digest of a secret token. Only digests are kept in memory, and every comparison takes
 * the same time whatever the presented token holds, so neither a token's content nor its length
 * shows in the time an answer takes.
 */
public final class TokenDigest {
  /** What a client can send in a header as it is; long enough not to be guessed. */
  private static final Pattern FORM = Pattern.compile("^[\\x21-\\x7e]{16,4096}$");

  /** How a malformed token is described in errors. */
  public static final String FORM_TEXT = "16 to 4096 visible ASCII characters without spaces";

  private final byte[] digest;

  private TokenDigest(byte[] digest) {
    this.digest = digest;
  }

  /** Whether {@code token} has the form of an accepted token. */
  public static boolean wellFormed(String token) {
    return FORM.matcher(token).matches();
  }

  /** The digest of {@code token}. */
  public static TokenDigest of(String token) {
    try {
      return new TokenDigest(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Whether both are digests of the same token, compared in constant time. */
  public boolean matches(TokenDigest presented) {
    return MessageDigest.isEqual(digest, presented.digest);
  }
}

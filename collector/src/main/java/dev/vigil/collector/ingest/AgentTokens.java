package dev.vigil.collector.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The agent tokens the ingest accepts, from {@code --agent-tokens-file}: one token per line, a
 * {@code #} starting a comment (a whole line, or after the token and white space), blank lines
 * ignored. Only SHA-256 digests are kept, and a presented token is compared with every one of them
 * in constant time, so neither a token's content nor its length shows in the time an answer takes.
 */
public final class AgentTokens {
  /** What an agent can send in an HTTP/2 header as it is; long enough not to be guessed. */
  private static final Pattern FORM = Pattern.compile("^[\\x21-\\x7e]{16,4096}$");

  private final List<byte[]> digests;

  private AgentTokens(List<byte[]> digests) {
    this.digests = digests;
  }

  /**
   * Reads the tokens file.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed token, or the file
   *     when it holds none
   */
  public static AgentTokens read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static AgentTokens parse(String fileName, List<String> lines) {
    List<byte[]> digests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+", 2);
      if (!FORM.matcher(fields[0]).matches()
          || (fields.length == 2 && !fields[1].startsWith("#"))) {
        throw new IllegalArgumentException(
            fileName
                + ":"
                + (i + 1)
                + ": a token is 16 to 4096 visible ASCII characters without spaces, one per line");
      }
      digests.add(sha256(fields[0]));
    }
    if (digests.isEmpty()) {
      throw new IllegalArgumentException(
          fileName + ": holds no token (one per line, # starts a comment)");
    }
    return new AgentTokens(List.copyOf(digests));
  }

  /** Whether {@code token} is one of the accepted tokens; the same work for any token. */
  public boolean accepts(String token) {
    byte[] presented = sha256(token);
    boolean accepted = false;
    for (byte[] digest : digests) {
      accepted |= MessageDigest.isEqual(digest, presented);
    }
    return accepted;
  }

  /** How many tokens the file holds. */
  public int size() {
    return digests.size();
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

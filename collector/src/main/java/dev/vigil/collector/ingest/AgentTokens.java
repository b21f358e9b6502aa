package dev.vigil.collector.ingest;

import dev.vigil.collector.auth.TokenDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent tokens the ingest accepts, from {@code --agent-tokens-file}: one token per line, a
 * {@code #} starting a comment (a whole line, or after the token and white space), blank lines
 * ignored. Only SHA-256 digests are kept, and a presented token is compared with every one of them
 * in constant time, so neither a token's content nor its length shows in the time an answer takes.
 */
public final class AgentTokens {
  private final List<TokenDigest> digests;

  private AgentTokens(List<TokenDigest> digests) {
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
    List<TokenDigest> digests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+", 2);
      if (!TokenDigest.wellFormed(fields[0])
          || (fields.length == 2 && !fields[1].startsWith("#"))) {
        throw new IllegalArgumentException(
            fileName + ":" + (i + 1) + ": a token is " + TokenDigest.FORM_TEXT + ", one per line");
      }
      digests.add(TokenDigest.of(fields[0]));
    }
    if (digests.isEmpty()) {
      throw new IllegalArgumentException(
          fileName + ": holds no token (one per line, # starts a comment)");
    }
    return new AgentTokens(List.copyOf(digests));
  }

  /** Whether {@code token} is one of the accepted tokens; the same work for any token. */
  public boolean accepts(String token) {
    TokenDigest presented = TokenDigest.of(token);
    boolean accepted = false;
    for (TokenDigest digest : digests) {
      accepted |= digest.matches(presented);
    }
    return accepted;
  }

  /** How many tokens the file holds. */
  public int size() {
    return digests.size();
  }
}

package dev.vigil.agent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The token this agent presents to the collector, read from {@code token-file}. It never appears in
 * a log or an error: {@link #toString()} hides it, and errors name the file instead.
 */
public final class AgentToken {
  /** Visible ASCII only, so it fits an HTTP/2 header as it is; long enough not to be guessed. */
  private static final Pattern FORM = Pattern.compile("^[\\x21-\\x7e]{16,4096}$");

  private final String value;

  private AgentToken(String value) {
    this.value = value;
  }

  /**
   * Reads the token: the file's text without surrounding white space.
   *
   * @throws IllegalArgumentException when it is not 16 to 4096 visible ASCII characters
   */
  public static AgentToken read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (!FORM.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "must hold one token of 16 to 4096 visible ASCII characters, without spaces");
    }
    return new AgentToken(text);
  }

  /** The token itself, for the authorization header and nothing else. */
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return "AgentToken[hidden]";
  }
}

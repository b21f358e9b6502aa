package dev.vigil.collector.api;

import dev.vigil.collector.auth.TokenDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The API tokens, from {@code --api-tokens-file}: one {@code name:role:token} per line, role {@code
 * read} or {@code write}, a line starting with {@code #} a comment, blank lines ignored. The name
 * is who the audit trail says acted. Only the tokens' SHA-256 digests are kept, and a presented
 * token is compared with every one of them in constant time.
 */
public final class ApiTokens {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private record Entry(ApiCaller caller, TokenDigest digest) {}

  private final List<Entry> entries;

  private ApiTokens(List<Entry> entries) {
    this.entries = entries;
  }

  /**
   * Reads the tokens file.
   *
   * @throws IllegalArgumentException naming the file and line of a malformed entry, or the file
   *     when it holds none
   */
  public static ApiTokens read(Path file) throws IOException {
    return parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  static ApiTokens parse(String fileName, List<String> lines) {
    List<Entry> entries = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String where = fileName + ":" + (i + 1) + ": ";
      Entry entry = entry(where, line);
      if (!names.add(entry.caller().name())) {
        throw new IllegalArgumentException(
            where + "the name " + entry.caller().name() + " is given twice");
      }
      entries.add(entry);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(
          fileName + ": holds no token (one name:role:token per line, # starts a comment)");
    }
    return new ApiTokens(List.copyOf(entries));
  }

  private static Entry entry(String where, String line) {
    String[] fields = line.split(":", 3);
    if (fields.length != 3) {
      throw new IllegalArgumentException(where + "expected name:role:token");
    }
    if (!NAME.matcher(fields[0]).matches()) {
      throw new IllegalArgumentException(
          where + "a name is 1 to 64 letters, digits or . _ @ -, got \"" + fields[0] + "\"");
    }
    ApiRole role;
    try {
      role = ApiRole.valueOf(fields[1].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + "the role must be read or write, got \"" + fields[1] + "\"", e);
    }
    if (!TokenDigest.wellFormed(fields[2])) {
      throw new IllegalArgumentException(where + "a token is " + TokenDigest.FORM_TEXT);
    }
    return new Entry(new ApiCaller(fields[0], role), TokenDigest.of(fields[2]));
  }

  /** Who holds {@code token}, or empty for an unknown one; the same work for any token. */
  Optional<ApiCaller> caller(String token) {
    TokenDigest presented = TokenDigest.of(token);
    ApiCaller found = null;
    for (Entry entry : entries) {
      if (entry.digest().matches(presented)) {
        found = entry.caller();
      }
    }
    return Optional.ofNullable(found);
  }
}

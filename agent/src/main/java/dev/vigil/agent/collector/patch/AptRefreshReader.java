package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads when apt last refreshed its package lists, from the mtime of the files apt touches. */
final class AptRefreshReader {
  /** Tried in order: the periodic job's success stamp, its attempt stamp, the lists folder. */
  static final List<String> CANDIDATES =
      List.of(
          "var/lib/apt/periodic/update-success-stamp",
          "var/lib/apt/periodic/update-stamp",
          "var/lib/apt/lists/partial");

  private final Path root;

  /** Reads below {@code root} (normally /). */
  AptRefreshReader(Path root) {
    this.root = root;
  }

  /** The mtime of the first candidate that exists, empty when none does. */
  Optional<Instant> lastRefresh() throws IOException {
    for (String candidate : CANDIDATES) {
      Path path = root.resolve(candidate);
      if (Files.exists(path)) {
        return Optional.of(Files.getLastModifiedTime(path).toInstant());
      }
    }
    return Optional.empty();
  }
}

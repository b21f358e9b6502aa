package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads file modification times, the cheap signals of installs and list refreshes. */
final class FileTimes {

  private FileTimes() {}

  /** The newest mtime among the files that exist below {@code root}; empty when none does. */
  static Optional<Instant> newest(Path root, List<String> candidates) throws IOException {
    Instant newest = null;
    for (String candidate : candidates) {
      newest = LocalTimes.later(newest, mtime(root.resolve(candidate)));
    }
    return Optional.ofNullable(newest);
  }

  /**
   * The newest mtime of the files matching {@code glob} in {@code dir/<any subfolder>/<leaf>}, such
   * as each repository's metadata in a package manager's cache; empty when none matches.
   */
  static Optional<Instant> newestInSubfolders(Path dir, String leaf, String glob)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    Instant newest = null;
    try (DirectoryStream<Path> subfolders = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path subfolder : subfolders) {
        Path folder = subfolder.resolve(leaf);
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, glob)) {
          for (Path file : files) {
            newest = LocalTimes.later(newest, mtime(file));
          }
        }
      }
    }
    return Optional.ofNullable(newest);
  }

  private static Instant mtime(Path path) throws IOException {
    return Files.exists(path) ? Files.getLastModifiedTime(path).toInstant() : null;
  }
}

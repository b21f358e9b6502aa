package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads a logrotate-managed log (such as apt's history.log or dpkg.log) and its rotations ({@code
 * name.1}, {@code name.2.gz}, ...), newest file first, and stops at the first file in which the
 * parser finds something.
 */
final class RotatedLogReader {
  private final Path logDir;
  private final String name;
  private final Pattern rotated;

  /** Reads {@code name} and its rotations in {@code logDir}. */
  RotatedLogReader(Path logDir, String name) {
    this.logDir = logDir;
    this.name = name;
    this.rotated = Pattern.compile(Pattern.quote(name) + "\\.(\\d{1,9})(\\.gz)?");
  }

  /** What {@code parser} finds in the newest file where it finds anything; empty otherwise. */
  Optional<Instant> newest(Function<CharSequence, Optional<Instant>> parser) throws IOException {
    for (Path file : newestFirst()) {
      Optional<Instant> found = parser.apply(read(file));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The log, then the rotations by rising number (logrotate gives older files higher ones). */
  List<Path> newestFirst() throws IOException {
    List<Path> files = new ArrayList<>();
    Path current = logDir.resolve(name);
    if (Files.isRegularFile(current)) {
      files.add(current);
    }
    if (!Files.isDirectory(logDir)) {
      return files;
    }
    List<Path> rotations = new ArrayList<>();
    try (Stream<Path> entries = Files.list(logDir)) {
      entries.filter(p -> rotationNumber(p) >= 0).forEach(rotations::add);
    }
    rotations.sort(Comparator.comparingLong(this::rotationNumber));
    files.addAll(rotations);
    return files;
  }

  private long rotationNumber(Path file) {
    Matcher m = rotated.matcher(file.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static String read(Path file) throws IOException {
    if (!file.getFileName().toString().endsWith(".gz")) {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

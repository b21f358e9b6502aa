package dev.vigil.agent.collector.patch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads history.log and its rotations (history.log.1, history.log.2.gz, ...) from apt's log folder,
 * newest file first, and stops at the first file that holds a successful install.
 */
final class AptHistoryReader {
  private static final Pattern ROTATED = Pattern.compile("history\\.log\\.(\\d{1,9})(\\.gz)?");

  private final Path logDir;
  private final ZoneId zone;

  /** Reads below {@code logDir} (normally /var/log/apt), dates in {@code zone}. */
  AptHistoryReader(Path logDir, ZoneId zone) {
    this.logDir = logDir;
    this.zone = zone;
  }

  /** The end of the last successful install or upgrade, empty when no log records one. */
  Optional<Instant> lastInstall() throws IOException {
    for (Path file : newestFirst()) {
      Optional<Instant> found = AptHistoryParser.lastInstall(read(file), zone);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** history.log, then the rotations by rising number (logrotate gives older files higher ones). */
  List<Path> newestFirst() throws IOException {
    List<Path> files = new ArrayList<>();
    Path current = logDir.resolve("history.log");
    if (Files.isRegularFile(current)) {
      files.add(current);
    }
    if (!Files.isDirectory(logDir)) {
      return files;
    }
    List<Path> rotated = new ArrayList<>();
    try (Stream<Path> entries = Files.list(logDir)) {
      entries.filter(p -> rotationNumber(p) >= 0).forEach(rotated::add);
    }
    rotated.sort(Comparator.comparingLong(AptHistoryReader::rotationNumber));
    files.addAll(rotated);
    return files;
  }

  private static long rotationNumber(Path file) {
    Matcher m = ROTATED.matcher(file.getFileName().toString());
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

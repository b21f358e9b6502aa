package dev.vigil.agent.spool;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The highest seq the collector acknowledged, kept in a one-line text file so a restarted agent
 * resends neither the acknowledged part of its oldest segment nor counts it as backlog. It is a
 * hint, not a promise: a lost or stale file only means some batches are sent twice, and the
 * collector ignores those.
 */
final class AckFile {
  private static final Logger LOG = LoggerFactory.getLogger(AckFile.class);
  static final String NAME = "acked-seq";

  private final Path file;
  private final Path temporary;

  AckFile(Path dir) {
    this.file = dir.resolve(NAME);
    this.temporary = dir.resolve(NAME + ".tmp");
  }

  /** The seq stored, or 0 when there is none or it cannot be read. */
  long read() {
    try {
      return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException | NumberFormatException e) {
      LOG.warn(
          "ignoring unreadable {} (batches since the last ack are sent again): {}",
          file,
          e.toString());
      return 0;
    }
  }

  /** Replaces the stored seq atomically: a crash leaves the old value or the new one. */
  void write(long seq) throws IOException {
    Files.writeString(temporary, seq + "\n", StandardCharsets.US_ASCII);
    Files.move(
        temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}

package dev.vigil.agent.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One segment file of the spool. Its name is the seq of the first tick it may hold, zero-padded so
 * names sort in seq order; its header holds the epoch its series ids belong to.
 */
final class Segment {
  static final String SUFFIX = ".spool";
  private static final int NAME_DIGITS = 20;

  final long baseSeq;
  final Path path;

  /** Epoch of its series ids: from the header, else from its first catalog, else -1. */
  long epoch = -1;

  /** End of its last intact record: where reading stops and the next append goes. */
  long size;

  /** Damage below this offset has been counted already (by recovery or a reader). */
  long damageCountedEnd;

  /** Ticks below this offset that could not be decoded have been counted already. */
  long undecodableCountedEnd;

  int ticks;
  long firstTickSeq;
  long lastTickSeq;
  private FileChannel channel;

  Segment(Path dir, long baseSeq) {
    this.baseSeq = baseSeq;
    this.path = dir.resolve(fileName(baseSeq));
  }

  static String fileName(long baseSeq) {
    String digits = Long.toUnsignedString(baseSeq);
    return "0".repeat(Math.max(0, NAME_DIGITS - digits.length())) + digits + SUFFIX;
  }

  /** The base seq named by {@code fileName}, or -1 when it is not a segment's name. */
  static long baseSeqOf(String fileName) {
    if (!fileName.endsWith(SUFFIX) || fileName.length() != NAME_DIGITS + SUFFIX.length()) {
      return -1;
    }
    String digits = fileName.substring(0, NAME_DIGITS);
    for (int i = 0; i < digits.length(); i++) {
      if (!Character.isDigit(digits.charAt(i))) {
        return -1;
      }
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void noteTick(long seq) {
    if (ticks == 0) {
      firstTickSeq = seq;
    }
    ticks++;
    lastTickSeq = seq;
  }

  /** Ticks above {@code ackedSeq}; exact while its seqs are contiguous, which appends make them. */
  long unackedTicks(long ackedSeq) {
    if (ticks == 0 || lastTickSeq <= ackedSeq) {
      return 0;
    }
    return firstTickSeq > ackedSeq ? ticks : lastTickSeq - ackedSeq;
  }

  FileChannel channel() throws IOException {
    if (channel == null) {
      channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return channel;
  }

  void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}

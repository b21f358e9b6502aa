package dev.vigil.collector.ingest;

/**
 * Rewrites the seq of an encoded batch in place, so a test or benchmark can send one frame many
 * times as new batches without re-encoding. Works for seqs from 2^56 to 2^63-1, whose varints are
 * all exactly nine bytes long.
 */
final class SeqPatcher {
  static final long FIRST_SEQ = 1L << 56;
  private static final int WIDTH = 9;

  private final byte[] frame;
  private final int offset;

  /** Finds the varint of {@code seq}, which must be the frame's current seq. */
  SeqPatcher(byte[] frame, long seq) {
    this.frame = frame;
    byte[] needle = new byte[WIDTH];
    write(needle, 0, seq);
    this.offset = indexOf(frame, needle);
  }

  void set(long seq) {
    write(frame, offset, seq);
  }

  private static void write(byte[] into, int at, long seq) {
    if (seq < FIRST_SEQ || seq < 0) {
      throw new IllegalArgumentException("seq " + seq + " is not a nine-byte varint");
    }
    long v = seq;
    for (int i = 0; i < WIDTH - 1; i++) {
      into[at + i] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    into[at + WIDTH - 1] = (byte) v;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("seq not found in frame");
  }
}

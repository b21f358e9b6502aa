package dev.vigil.collector.ingest;

/**
 * Rewrites one varint field of an encoded frame in place (a batch's seq or timestamp), so a test or
 * benchmark can send one frame many times as new batches without re-encoding. A new value must have
 * as many varint bytes as the old one, so no other byte moves.
 */
final class VarintPatcher {
  /** A seq whose varint is nine bytes, as are all up to 2^63-1. */
  static final long FIRST_SEQ = 1L << 56;

  private final byte[] frame;
  private final int width;
  private final int offset;

  /** Finds the varint of {@code current}, which must occur in the frame exactly as that field. */
  VarintPatcher(byte[] frame, long current) {
    this.frame = frame;
    this.width = width(current);
    byte[] needle = new byte[width];
    write(needle, 0, current, width);
    this.offset = indexOf(frame, needle);
  }

  void set(long value) {
    if (value < 0 || width(value) != width) {
      throw new IllegalArgumentException(value + " is not a " + width + "-byte varint");
    }
    write(frame, offset, value, width);
  }

  private static int width(long value) {
    int bytes = 1;
    for (long v = value >>> 7; v != 0; v >>>= 7) {
      bytes++;
    }
    return bytes;
  }

  private static void write(byte[] into, int at, long value, int width) {
    long v = value;
    for (int i = 0; i < width - 1; i++) {
      into[at + i] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    into[at + width - 1] = (byte) v;
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
    throw new IllegalArgumentException("value not found in frame");
  }
}

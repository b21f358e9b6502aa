package dev.vigil.agent.spool.codec;

import java.util.Arrays;

/**
 * Appends bits, most significant first, to a growable byte array that is reused tick after tick.
 */
final class BitWriter {
  private byte[] bytes = new byte[1024];
  private long bitLength;

  /** Forgets what was written; keeps the buffer. */
  void reset() {
    Arrays.fill(bytes, 0, byteLength(), (byte) 0);
    bitLength = 0;
  }

  void writeBit(boolean bit) {
    writeBits(bit ? 1 : 0, 1);
  }

  /** Writes the low {@code count} bits of {@code value}, 0 to 64 of them. */
  void writeBits(long value, int count) {
    for (int left = count; left > 0; ) {
      int index = (int) (bitLength >>> 3);
      if (index == bytes.length) {
        bytes = Arrays.copyOf(bytes, bytes.length * 2);
      }
      int free = 8 - (int) (bitLength & 7);
      int take = Math.min(free, left);
      int chunk = (int) ((value >>> (left - take)) & ((1 << take) - 1));
      bytes[index] |= (byte) (chunk << (free - take));
      left -= take;
      bitLength += take;
    }
  }

  /**
   * Writes a non-negative number as a 6-bit count of its significant bits minus one, then those
   * bits: 7 bits for 0 or 1, 26 for a 20-bit number, 70 at worst.
   */
  void writeUnsigned(long value) {
    int significant = Math.max(1, 64 - Long.numberOfLeadingZeros(value));
    writeBits(significant - 1, 6);
    writeBits(value, significant);
  }

  /** Writes a signed number zigzag-mapped (0, -1, 1, -2, ...) through {@link #writeUnsigned}. */
  void writeSigned(long value) {
    writeUnsigned((value << 1) ^ (value >> 63));
  }

  /** Bytes holding the bits written so far; the last one is padded with zeros. */
  int byteLength() {
    return (int) ((bitLength + 7) >>> 3);
  }

  /** The backing array; valid up to {@link #byteLength()}. */
  byte[] buffer() {
    return bytes;
  }
}
